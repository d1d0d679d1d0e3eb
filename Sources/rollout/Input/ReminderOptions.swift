import ArgumentParser
import Foundation
import RolloutApp

/// Where and how reminders are sent (`remind`, and `serve --remind-at`).
struct ReminderOptions: ParsableArguments {
    @Option(name: .long, help: "The webhook to POST to (default: $ROLLOUT_WEBHOOK).")
    var webhook: String?

    @Option(name: .long, help: "auto (from the webhook's host), generic, wecom (企业微信) or dingtalk (钉钉).")
    var format = "auto"

    @Option(name: .long, help: "Also remind of what falls due within this many days (default 7).")
    var within = 7

    @Option(name: .long, help: "Tries per message before giving up (default 4).")
    var attempts = 4

    @Option(name: .customLong("retry-delay"), help: "Seconds before the second try; doubled for each later one (default 2).")
    var retryDelay = 2

    /// The webhook given, else `ROLLOUT_WEBHOOK`.
    var address: String? {
        webhook ?? ProcessInfo.processInfo.environment["ROLLOUT_WEBHOOK"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The retry policy, checked.
    func retry() throws -> RetryPolicy {
        guard (1...10).contains(attempts) else { throw InputError("invalid --attempts \(attempts); expected 1 to 10") }
        guard (0...600).contains(retryDelay) else { throw InputError("invalid --retry-delay \(retryDelay); expected 0 to 600 seconds") }
        return RetryPolicy(attempts: attempts, firstDelay: .seconds(retryDelay))
    }

    /// A run as typed.
    func run(asOf: String?, dryRun: Bool) -> ReminderRun {
        ReminderRun(asOf: asOf, withinDays: within, webhook: address, format: format, dryRun: dryRun)
    }
}
