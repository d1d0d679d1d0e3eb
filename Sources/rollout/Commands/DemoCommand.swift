import ArgumentParser
import Foundation
import RolloutApp
import RolloutStore

/// `rollout demo`: a realistic Yuzhong rollout played into a fresh database.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a realistic, deterministic Yuzhong rollout into a fresh database, then show status, overdue work and the audit.",
        discussion: "Without --db the database goes to a new temporary folder. The demo stops at a fixed date, so its output is always the same."
    )

    @Option(name: .long, help: "Where to create the demo database (refused if it exists).")
    var db: String?

    func run() throws {
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
            try AtomicFile.write(report, text: HTMLReport(demo.report).html)
            print("")
            print("Database: \(path)")
            print("Report:   \(report)")
            print("Explore:  rollout status --db \(path) --as-of 2026-09-05")
            print("          rollout history --db \(path) --office 菜园坝")
            print("          rollout refusals --db \(path)")
        }
    }
}
