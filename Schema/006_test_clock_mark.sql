-- 006_test_clock_mark: a database made for tests and demos (`rollout init
-- --test-clock`, `rollout demo`, `rollout generate`) carries one row here, and
-- only such a database lets ROLLOUT_NOW set the recording time. A real
-- district's database has no row, so its entries are stamped by the system
-- clock. The mark is written in the same transaction as the first entry and
-- can neither be added to a database that already has a history nor changed
-- or removed afterwards, so a real database cannot be turned into a test one
-- (or back) through the tool's own SQL.
CREATE TABLE test_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    marked_at TEXT NOT NULL
);

CREATE TRIGGER test_clock_only_at_creation BEFORE INSERT ON test_clock
WHEN (SELECT count(*) FROM entries) > 0
BEGIN
    SELECT RAISE(ABORT, 'a database with a history cannot be marked as a test database');
END;

CREATE TRIGGER test_clock_no_update BEFORE UPDATE ON test_clock
BEGIN
    SELECT RAISE(ABORT, 'the test-database mark cannot be changed');
END;

CREATE TRIGGER test_clock_no_delete BEFORE DELETE ON test_clock
BEGIN
    SELECT RAISE(ABORT, 'the test-database mark cannot be removed');
END;
