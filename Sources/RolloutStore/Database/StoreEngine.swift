import RolloutCore

/// Where a store's tables live: a SQLite file or a PostgreSQL database. The
/// store's SQL is written once against `SQLExecutor`; an engine supplies the
/// transactions it runs in, and the few things each engine does its own way.
protocol StoreEngine: Sendable {
    /// The database file, or the URL without its password: for messages.
    var location: String { get }

    /// One consistent snapshot for every statement of `body`.
    func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T

    /// One transaction. With `appendsToHistory`, writers of the hash chain go
    /// one at a time however many processes share the database, and each sees
    /// the head the last one left. Committed unless `body` throws or `commit` is false.
    func write<T>(appendsToHistory: Bool, commit: Bool, _ body: (any SQLExecutor) throws -> T) throws -> T

    /// The engine's own consistency checks: problems found, and foreign keys broken.
    func storageProblems() throws -> StorageCheck

    /// The schema version, and whether this process can write.
    func health() throws -> StoreHealth
}

/// The result of an engine's own checks, named as the engine calls them.
struct StorageCheck {
    var integrityCheckName: String
    var integrity: [String]
    var foreignKeyCheckName: String
    var foreignKeys: [String]
}
