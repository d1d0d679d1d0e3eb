-- 007_people_logins: a person is known by a unique login (a staff number or a
-- mobile number); the display name may repeat (two people called 王伟).
-- People registered before logins keep their name as their login.
CREATE TABLE people_by_login (
    login     TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('coordinator', 'office', 'auditor')),
    office_id TEXT REFERENCES offices(id),
    CHECK ((role = 'office') = (office_id IS NOT NULL))
) STRICT;
INSERT INTO people_by_login (login, name, role, office_id) SELECT name, name, role, office_id FROM people;
DROP TABLE people;
ALTER TABLE people_by_login RENAME TO people;

-- Entries of format 2 record who acted by login and how they were
-- authenticated; entries of format 1 (before this migration) have neither.
ALTER TABLE entries ADD COLUMN actor_login TEXT;
ALTER TABLE entries ADD COLUMN auth TEXT CHECK (auth IN ('web_session', 'api_token', 'cli'));
