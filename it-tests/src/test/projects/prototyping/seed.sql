-- Development data for `nanoka reset --seed-sql seed.sql`.
INSERT INTO users (name, jobTitle) VALUES ('Eloise', 'Programmer');
INSERT INTO posts (title, description, content, authorId, tags)
  VALUES ('How to create a MySQL database', 'A how-to', 'Some content', 1, '["sql"]');
