/// How often a failed send is tried again, and how long to wait between
/// tries: `firstDelay`, then twice as long each time. The wait is injected so
/// that tests do not sleep.
package struct RetryPolicy: Sendable {
    package var attempts: Int
    package var firstDelay: Duration
    package var sleep: @Sendable (Duration) async throws -> Void

    package init(
        attempts: Int = 4, firstDelay: Duration = .seconds(2),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.attempts = attempts
        self.firstDelay = firstDelay
        self.sleep = sleep
    }

    /// The wait before attempt `attempt` (2, 3, ...).
    package func delay(before attempt: Int) -> Duration {
        firstDelay * (1 << max(0, attempt - 2))
    }
}
