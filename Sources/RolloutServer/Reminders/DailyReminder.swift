import Logging
import RolloutApp
import RolloutCore

/// Sends the reminders once a day while the server runs (`serve --remind-at`).
/// `tick` does one check against the injected clock, so tests drive it without
/// waiting; `run` ticks every `interval` until the server stops.
package actor DailyReminder {
    private let service: RolloutService
    private let schedule: ReminderSchedule
    private let template: ReminderRun
    private let transport: any WebhookTransport
    private let retry: RetryPolicy
    private let clock: any WallClock
    private let logger: Logger
    /// The day of the last run made.
    package private(set) var lastRun: LocalDate?

    package init(
        service: RolloutService, schedule: ReminderSchedule, run template: ReminderRun, transport: any WebhookTransport,
        retry: RetryPolicy = RetryPolicy(), clock: any WallClock, logger: Logger
    ) {
        self.service = service
        self.schedule = schedule
        self.template = template
        self.transport = transport
        self.retry = retry
        self.clock = clock
        self.logger = logger
    }

    /// Runs the reminders if they are due now; returns the run's report, if one was made.
    /// A run that fails (no database, a full disk) is logged and made again at the next tick.
    @discardableResult
    package func tick() async -> ReminderReport? {
        let now = clock.now()
        guard let day = schedule.due(at: now, lastRun: lastRun) else { return nil }
        var run = template
        run.asOf = day.description
        run.dryRun = false
        do {
            let report = try await service.remind(run, now: now, transport: transport, retry: retry)
            lastRun = day
            for delivery in report.deliveries {
                if case .failed(let attempts, let error) = delivery.status {
                    logger.error("reminder to \(delivery.digest.recipient.key) as of \(day) failed after \(attempts) attempts: \(error)")
                }
            }
            let sent = report.deliveries.filter { if case .sent = $0.status { true } else { false } }.count
            logger.info(
                "reminders as of \(day): \(sent) sent of \(report.deliveries.count)\(report.failed ? "; some failed, see reminder_sends" : "")")
            return report
        } catch {
            logger.error("reminders as of \(day) failed: \(error)")
            return nil
        }
    }

    /// Ticks every `interval` until cancelled.
    package func run(every interval: Duration = .seconds(30)) async {
        while !Task.isCancelled {
            await tick()
            try? await Task.sleep(for: interval)
        }
    }
}
