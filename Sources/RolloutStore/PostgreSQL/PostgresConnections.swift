import Dispatch
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO
import RolloutCore

/// Open connections to one PostgreSQL database, reused from one transaction to
/// the next; at most `limit` at once, further callers wait their turn, but never
/// longer than `deadline`.
///
/// postgres-nio's `PostgresClient` pools connections too, but only through
/// `async` calls, while the store's interface is synchronous like GRDB's:
/// waiting for an async pool from synchronous code on Swift's cooperative
/// threads (two on this machine) can starve the very tasks it waits for. These
/// connections do their I/O on the store's own event loop thread and are
/// waited for with their `EventLoopFuture` API (through `PostgresWait`, with a
/// deadline), which never needs a cooperative thread.
///
/// A connection goes back to the pool only when its last statement was
/// answered by the server; one that failed, stalled or was closed is closed
/// and dropped, so a restarted server costs each pooled connection one error
/// at most, and nothing waits on a connection that died.
final class PostgresConnections: @unchecked Sendable {
    /// The store's event loop: one thread for every PostgreSQL connection of the process.
    private static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let url: PostgresURL
    let logger: Logger
    /// How long opening a connection, waiting for a free one, or one statement may take.
    let deadline: Duration
    private let limit: Int
    private let lock = NIOLock()
    private var idle: [PostgresConnection] = []
    private var opened = 0
    private let slots: DispatchSemaphore

    init(_ url: PostgresURL, limit: Int = 8, deadline: Duration = .seconds(30)) {
        self.url = url
        var logger = Logger(label: "rollout.postgres")
        logger.logLevel = .error
        self.logger = logger
        self.limit = limit
        self.deadline = deadline
        slots = DispatchSemaphore(value: limit)
    }

    /// Connections are closed before they are let go (postgres-nio requires it).
    deinit {
        for connection in idle {
            let closed: EventLoopFuture<Void> = connection.close()
            closed.whenComplete { _ in withExtendedLifetime(connection) {} }
            _ = try? PostgresWait.value(of: closed, within: .seconds(2))
        }
    }

    /// Runs `body` with a session on a connection of its own, whose statements
    /// wait at most `statementDeadline` (the pool's deadline unless given).
    func withSession<T>(statementDeadline: Duration? = nil, _ body: (PostgresSession) throws -> T) throws -> T {
        guard slots.wait(timeout: .now() + .nanoseconds(Int(deadline.nanoseconds))) == .success else {
            throw PostgresWait.Stalled(why: "all \(limit) of this process's connections stayed busy for \(deadline.wholeSeconds) s")
        }
        defer { slots.signal() }
        let connection = try take()
        let session = PostgresSession(connection, logger: logger, deadline: statementDeadline ?? deadline)
        do {
            let result = try body(session)
            release(connection, reusable: session.reusable)
            return result
        } catch {
            release(connection, reusable: session.reusable)
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
        var configuration = try url.configuration()
        configuration.options.connectTimeout = .nanoseconds(deadline.nanoseconds)
        let connecting = PostgresConnection.connect(on: Self.eventLoops.next(), configuration: configuration, id: id, logger: logger)
        do {
            return try PostgresWait.value(of: connecting, within: deadline + .seconds(1))
        } catch let stalled as PostgresWait.Stalled {
            // A connection that arrives after its deadline is closed, not leaked.
            connecting.whenSuccess { late in late.close().whenComplete { _ in withExtendedLifetime(late) {} } }
            throw stalled
        }
    }

    /// Back to the pool if the server answered its last statement and it is open; else closed without waiting.
    private func release(_ connection: PostgresConnection, reusable: Bool) {
        if reusable && !connection.isClosed {
            lock.withLock { idle.append(connection) }
        } else {
            // Kept alive until closed: postgres-nio asserts that a connection is closed before it is let go.
            connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
        }
    }
}
