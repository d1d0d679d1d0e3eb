/// Where "now" comes from, injected by the front ends: the core and the
/// application layer never read the system clock. A write reads it once,
/// after the write lock is held, so that concurrent writers record in order.
package protocol WallClock: Sendable {
    /// The current time, to the second.
    func now() -> Timestamp
}

extension Timestamp: WallClock {
    /// A timestamp is a clock stopped at that instant: scripted histories and
    /// tests record at the time they choose.
    package func now() -> Timestamp { self }
}
