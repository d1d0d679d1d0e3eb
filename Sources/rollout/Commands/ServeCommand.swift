import ArgumentParser
import Foundation
import Logging
import RolloutApp
import RolloutServer

/// `rollout serve`: the shared service for coordinators, street offices and auditors.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API (and, with the web pages, the browser) over the same database the CLI uses.",
        discussion: """
            People sign in with the accounts coordinators create (`rollout accounts create`). The server decides who acts: \
            every entry it writes records the account's login and how it was authenticated. It always records the system \
            clock's time. --port 0 picks a free port; the address is printed once the server listens. SIGTERM or SIGINT \
            stop it after the requests in flight finish. Request logs go to standard error. See docs/server.md.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var reminders: ReminderOptions

    @Option(name: .customLong("remind-at"), help: "Send the daily reminders at this local time, HH:MM (needs --webhook or ROLLOUT_WEBHOOK).")
    var remindAt: String?

    @Option(name: .long, help: "The address to listen on (default 127.0.0.1: this machine only; put a TLS proxy in front for the network).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port (default 8080; 0 for any free port).")
    var port = 8080

    @Option(
        name: .customLong("public-url"),
        help: "The https:// address people use through a reverse proxy: cookies become Secure and requests must come from it.")
    var publicURL: String?

    @Option(
        name: .customLong("idle-timeout"),
        help: "Close a connection that has not sent a whole request for this many seconds, idle or still sending headers (default 30).")
    var idleTimeout = 30

    func run() async throws {
        do {
            if CommandClock.injected != nil {
                throw InputError("ROLLOUT_NOW is set, but the server always records the system clock's time; unset ROLLOUT_NOW")
            }
            guard (0...65_535).contains(port) else { throw InputError("invalid --port \(port); expected 0 to 65535") }
            if let publicURL, !(publicURL.hasPrefix("https://") || publicURL.hasPrefix("http://")) {
                throw InputError("invalid --public-url \"\(publicURL)\"; expected an address such as https://rollout.example.gov.cn")
            }
            guard (1...3600).contains(idleTimeout) else { throw InputError("invalid --idle-timeout \(idleTimeout); expected 1 to 3600 seconds") }
            let service = try database.openToWrite()
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            var logger = Logger(label: "rollout.server")
            logger.logLevel = .info
            let settings = ServerSettings(host: host, port: port, publicURL: publicURL, idleTimeout: .seconds(idleTimeout))
            let location = service.location
            let daily = try dailyReminder(service: service, logger: logger)
            let reminding = Task { await daily?.run() }
            defer { reminding.cancel() }
            try await RolloutServer.run(service: service, settings: settings, logger: logger) { address in
                // Written unbuffered: a script waiting for the address reads it at once.
                FileHandle.standardOutput.write(Data("Serving \(location) at \(address)\n".utf8))
            }
        } catch {
            throw Exit.report(error)
        }
    }

    /// The daily reminder `--remind-at` asks for, checked before the server starts.
    private func dailyReminder(service: RolloutService, logger: Logger) throws -> DailyReminder? {
        guard let remindAt else { return nil }
        guard let webhook = reminders.address else { throw InputError("--remind-at needs a webhook: pass --webhook URL or set ROLLOUT_WEBHOOK") }
        let run = reminders.run(asOf: nil, dryRun: false)
        _ = try RolloutService.checkedWebhook(webhook)
        _ = try WebhookFormat.named(run.format, webhook: webhook)
        return DailyReminder(
            service: service, schedule: try ReminderSchedule(remindAt, timeZone: service.plan.timeZone), run: run,
            transport: HTTPWebhookTransport(), retry: try reminders.retry(), clock: SystemClock(), logger: logger)
    }
}
