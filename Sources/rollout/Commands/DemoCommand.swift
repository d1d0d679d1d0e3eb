import ArgumentParser
import Foundation
import Logging
import RolloutApp
import RolloutServer
import RolloutStore
import RolloutWeb

/// `rollout demo`: a realistic Yuzhong rollout played into a fresh database.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a realistic, deterministic Yuzhong rollout into a fresh database, then show status, overdue work and the audit.",
        discussion: """
            Without --db the database goes to a new temporary folder. The demo stops at a fixed date, so its output is always \
            the same. With --serve it then serves the pages over the demo database and prints the address and one account \
            per role (coordinator, auditor, office staff) with a fresh password; Ctrl-C stops it.
            """
    )

    @Option(name: .long, help: "Where to create the demo database (refused if it exists).")
    var db: String?

    @Flag(name: .long, help: "Then serve the demo's pages and print one account per role to sign in with.")
    var serve = false

    @Option(name: .long, help: "With --serve: the port (default 0, any free port).")
    var port = 0

    func run() async throws {
        var served: RolloutService?
        try reporting {
            let folder: String
            if let db {
                folder = (db as NSString).deletingLastPathComponent
            } else {
                folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("rollout-demo-\(UUID().uuidString.prefix(8).lowercased())")
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let path = db ?? (folder as NSString).appendingPathComponent("yuzhong-demo.sqlite")
            let demo = try RolloutService.playDemo(into: path)
            let plan = demo.service.plan
            print(Terminal.paint("Yuzhong rollout demo, as of \(demo.end.today)", .bold))
            print("Played \(demo.commands) commands by \(demo.people) people; \(demo.refused) attempts were refused and recorded.\n")
            for board in demo.boards {
                print(StatusRendering.text(of: board, plan: plan))
                print("")
            }
            print(Terminal.paint("Overdue as of \(demo.end.today)", .bold))
            for item in demo.overdue {
                print(
                    "  \(item.daysLate) days late: \(item.batch) \(item.office?.name ?? "district-wide") \(item.milestone.id) (due \(item.due); \(item.expected)\(item.blocked ? ", blocked" : ""))"
                )
            }
            if demo.overdue.isEmpty { print("  nothing") }
            let verification = demo.verification
            print("")
            print(Terminal.paint("Audit", .bold))
            print(
                verification.passed
                    ? "  Verified \(verification.entries) entries: hash chain intact, every entry legal when made, stored state equals the replay."
                    : "  VERIFICATION FAILED: \(verification.failure?.description ?? "")")
            print("  Head: \(verification.head)")
            let report = (folder as NSString).appendingPathComponent("yuzhong-demo-report.html")
            try AtomicFile.write(report, text: try PageRenderer().render("report", ReportPage(demo.report, language: .zh)))
            print("")
            print("Database: \(path)")
            print("Report:   \(report)")
            print("Explore:  rollout status --db \(path) --as-of 2026-09-05")
            print("          rollout history --db \(path) --office 菜园坝")
            print("          rollout refusals --db \(path)")
            if serve { served = demo.service }
        }
        if let service = served { try await serveDemo(service) }
    }

    /// Serves the demo database with the system clock and prints the accounts to sign in with.
    private func serveDemo(_ service: RolloutService) async throws {
        do {
            guard (0...65_535).contains(port) else { throw InputError("invalid --port \(port); expected 0 to 65535") }
            let accounts = try service.demoAccounts(at: SystemClock().now())
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            var logger = Logger(label: "rollout.demo")
            logger.logLevel = .warning
            let settings = ServerSettings(host: "127.0.0.1", port: port, publicURL: nil)
            try await RolloutServer.run(service: service, settings: settings, logger: logger) { address in
                var lines = ["", "Serving the demo at \(address)  (Ctrl-C stops it)", "Sign in as:"]
                for account in accounts {
                    let role = account.role.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                    lines.append("  \(role) login \(account.login)  password \(account.password)  (\(account.name))")
                }
                // Written unbuffered: a script waiting for the address reads it at once.
                fflush(nil)
                FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
        } catch {
            throw Exit.report(error)
        }
    }
}
