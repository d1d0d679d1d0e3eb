import NIOPosix

/// Runs blocking work (SQLite, PostgreSQL, bcrypt) off the event loop and off
/// Swift's cooperative threads, on a pool of the server's own.
///
/// The pool has more threads than the machine has cores (NIO's shared pool has
/// one per core): most of this work waits on a disk or a database server, and
/// a few calls waiting out their deadline on a database that went away must
/// not leave nothing to answer `/healthz`, a sign-in or a page with.
enum Blocking {
    /// Threads for blocking work: twice the store's PostgreSQL connections.
    static let threads = 16

    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return pool
    }()

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }
}
