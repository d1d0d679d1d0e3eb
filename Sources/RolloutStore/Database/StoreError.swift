import RolloutCore

/// Why the store could not do what was asked. Every case names the bad value
/// and what was expected; nothing was written when one is thrown.
package enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case noDatabase(path: String)
    case databaseExists(path: String)
    case notARolloutDatabase(path: String, why: String)
    case newerSchema(path: String, found: Int, supported: Int)
    /// An older schema, opened by a command that only reads and so never upgrades.
    case needsUpgrade(path: String, found: Int, current: Int)
    case readOnly(path: String)
    case busy(path: String)
    case unknownPerson(name: String, known: [String])
    case unknownEntry(seq: Int64, count: Int64)
    case unknownProblem(id: Int64)
    case stale(expected: String, actual: String)
    case idempotencyConflict(key: String, existing: Int64)
    case invalid(InvalidAction)
    case sqlite(String)
    /// The disk (or the quota) is full; nothing was written or recorded.
    case diskFull(path: String)
    /// The disk filled while writing into a stream (FIFO, device, standard output): what went out is incomplete.
    case diskFullPartway(path: String)
    /// The operating system reported an I/O error while writing.
    case ioFailure(path: String, reason: String)
    /// A file could not be created or written (missing folder, permissions).
    case cannotWrite(path: String, reason: String)
    /// The path exists and is not something `rollout` will write to (a link, a folder, a device for a database).
    case unsuitableTarget(path: String, why: String)
    /// The clock reads earlier than the last entry's recording time; the recorded time never goes backwards.
    case clockBehind(now: String, head: String, seq: Int64)
    /// A copy was written but does not verify as the original.
    case copyFailed(path: String, why: String)
    /// `--db` looks like a URL but cannot be used as one.
    case badLocation(String, why: String)
    /// A PostgreSQL history was asked to be replaced; rollout never drops one.
    case replaceRefused(location: String)
    /// The database server could not be reached or refused the connection.
    case unavailable(path: String, why: String)

    package var description: String {
        switch self {
        case .noDatabase(let path):
            "no database at \(path)"
        case .databaseExists(let path) where path.hasPrefix("postgresql://"):
            "the PostgreSQL database \(path) already holds tables; expected an empty or missing database (rollout never drops a PostgreSQL history)"
        case .databaseExists(let path):
            "a database already exists at \(path)"
        case .notARolloutDatabase(let path, let why):
            "\(path) is not a rollout database (\(why)); expected a file made by `rollout init`"
        case .needsUpgrade(let path, let found, let current):
            "\(path) has schema version \(found) and this rollout reads version \(current); upgrading changes the database, which a command that only reads never does, so nothing was changed; upgrade it (or a copy of it) with `rollout db upgrade --db \(path)`"
        case .newerSchema(let path, let found, let supported):
            "\(path) has schema version \(found), newer than this rollout supports (\(supported)); use a newer rollout"
        case .readOnly(let path) where path.hasPrefix("postgresql://"):
            "\(path) takes no writes (a read-only standby, or a read-only transaction); nothing was recorded; write to the primary"
        case .readOnly(let path):
            "\(path) cannot be written (read-only file or folder); nothing was recorded"
        case .busy(let path):
            "\(path) stayed locked by other writers for 30 seconds; nothing was recorded; try again"
        case .unknownPerson(let name, let known):
            "unknown person \"\(name)\"" + (known.isEmpty ? "" : " (registered: \(known.prefix(5).joined(separator: ", ")))")
        case .unknownEntry(let seq, let count):
            "there is no entry #\(seq); the history has entries #1 to #\(count)"
        case .unknownProblem(let id):
            "there is no problem #\(id); `rollout problem list` shows the open ones"
        case .stale(let expected, let actual):
            "the history moved since you looked: you expected \(expected), it is now \(actual); review the latest entries and try again"
        case .idempotencyConflict(let key, let existing):
            "idempotency key \"\(key)\" was already used by entry #\(existing) for a different action; use a new key"
        case .invalid(let invalid):
            invalid.message
        case .sqlite(let message):
            "database error: \(message)"
        case .diskFull(let path):
            "no space left on device while writing \(path); nothing was written; free some space and try again"
        case .diskFullPartway(let path):
            "no space left on device while writing \(path); the output stopped part-way and is incomplete"
        case .ioFailure(let path, let reason):
            "input/output error while writing \(path) (\(reason)); nothing was written"
        case .cannotWrite(let path, let reason):
            "cannot write \(path) (\(reason)); expected a writable path in an existing folder"
        case .unsuitableTarget(let path, let why):
            "will not write \(path): \(why)"
        case .copyFailed(let path, let why):
            "the copy at \(path) cannot be trusted: \(why)"
        case .badLocation(let location, let why):
            "cannot use the database location \(location): \(why)"
        case .replaceRefused(let location):
            "\(location) is a PostgreSQL database; replacing is for SQLite files, and rollout never drops a PostgreSQL history (drop the database yourself)"
        case .unavailable(let path, let why):
            "cannot reach the database \(path): \(why); nothing was recorded"
        case .clockBehind(let now, let head, let seq):
            "the clock reads \(now), earlier than entry #\(seq), recorded at \(head); the recorded time never goes backwards, so nothing was recorded; check the system clock (or ROLLOUT_NOW) and try again"
        }
    }
}
