INSERT INTO notes (body) VALUES ('first; note');
INSERT INTO notes (body) VALUES ('second');
