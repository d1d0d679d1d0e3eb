import Dispatch
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// Open connections to one PostgreSQL database, reused from one transaction to
/// the next; at most `limit` at once, further callers wait their turn.
///
/// postgres-nio's `PostgresClient` pools connections too, but only through
/// `async` calls, while the store's interface is synchronous like GRDB's:
/// waiting for an async pool from synchronous code on Swift's cooperative
/// threads (two on this machine) can starve the very tasks it waits for. These
/// connections do their I/O on the store's own event loop thread and are
/// waited for with their `EventLoopFuture` API, which never needs a cooperative thread.
final class PostgresConnections: @unchecked Sendable {
    /// The store's event loop: one thread for every PostgreSQL connection of the process.
    private static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let url: PostgresURL
    let logger: Logger
    private let lock = NIOLock()
    private var idle: [PostgresConnection] = []
    private var opened = 0
    private let slots: DispatchSemaphore

    init(_ url: PostgresURL, limit: Int = 8) {
        self.url = url
        var logger = Logger(label: "rollout.postgres")
        logger.logLevel = .error
        self.logger = logger
        slots = DispatchSemaphore(value: limit)
    }

    /// Connections are closed before they are let go (postgres-nio requires it).
    deinit {
        for connection in idle { try? connection.close().wait() }
    }

    /// Runs `body` with a connection of its own; a connection that failed is closed, not reused.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        slots.wait()
        defer { slots.signal() }
        let connection = try take()
        do {
            let result = try body(connection)
            giveBack(connection)
            return result
        } catch {
            if connection.isClosed { try? connection.close().wait() } else { giveBack(connection) }
            throw error
        }
    }

    private func take() throws -> PostgresConnection {
        // An open idle connection, or the id the new one gets.
        let (reused, id): (PostgresConnection?, Int) = lock.withLock {
            while let connection = idle.popLast() {
                if !connection.isClosed { return (connection, 0) }
            }
            opened += 1
            return (nil, opened)
        }
        if let reused { return reused }
        return try PostgresConnection.connect(
            on: Self.eventLoops.next(), configuration: try url.configuration(), id: id, logger: logger
        ).wait()
    }

    private func giveBack(_ connection: PostgresConnection) {
        lock.withLock { idle.append(connection) }
    }
}
