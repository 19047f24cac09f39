CREATE TABLE notes (body text);
-- Latin-1, not UTF-8: café
INSERT INTO notes VALUES (1);
