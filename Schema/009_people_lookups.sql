-- 009_people_lookups: every authenticated request and every write looks
-- people up by login (the primary key), by display name (`--as` a name) and
-- by role (the rules read every coordinator). At national scale the register
-- has 40,000 rows; without these indexes each lookup scanned them all.
CREATE INDEX people_by_name ON people(name);
CREATE INDEX people_by_role ON people(role);
