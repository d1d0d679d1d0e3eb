import Dispatch
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO
import RolloutCore

/// Waiting for an answer from PostgreSQL, never for ever: a server that was
/// restarted or a network that dropped the connection without a word would
/// otherwise hold the waiting thread, and with it the server, until it is killed.
enum PostgresWait {
    /// Why a wait ended without an answer; the connection it was on is not used again.
    struct Stalled: Error {
        let why: String
    }

    /// The value `future` brings, waited for at most `deadline`; a wait on
    /// `connection` ends early, within a second, once that connection is closed.
    static func value<T: Sendable>(
        of future: EventLoopFuture<T>, within deadline: Duration, on connection: PostgresConnection? = nil
    ) throws -> T {
        let answered = DispatchSemaphore(value: 0)
        let outcome = NIOLockedValueBox<Result<T, any Error>?>(nil)
        future.whenComplete { result in
            outcome.withLockedValue { $0 = result }
            answered.signal()
        }
        let end = DispatchTime.now() + .nanoseconds(Int(deadline.nanoseconds))
        while answered.wait(timeout: min(end, .now() + .seconds(1))) == .timedOut {
            if let connection, connection.isClosed {
                throw Stalled(why: "the connection was closed while waiting for the server's answer")
            }
            if DispatchTime.now() >= end {
                throw Stalled(why: "the server did not answer within \(deadline.wholeSeconds) s")
            }
        }
        guard let result = outcome.withLockedValue({ $0 }) else {
            throw Stalled(why: "the server's answer was lost")
        }
        return try result.get()
    }
}
