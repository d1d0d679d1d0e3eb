import ArgumentParser
import Foundation
import RolloutCore
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
            let plan = try PlanLoader.load(files: FixtureFiles.embedded)
            let scenario = DemoScenario(plan: plan)
            let folder: String
            if let db {
                folder = (db as NSString).deletingLastPathComponent
            } else {
                folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("rollout-demo-\(UUID().uuidString.prefix(8).lowercased())")
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let path = db ?? (folder as NSString).appendingPathComponent("yuzhong-demo.sqlite")
            let steps = scenario.steps
            guard let first = steps.first else { throw InputError("the built-in plan cannot play the demo") }
            let store = try Store.create(path: path, plan: plan, coordinator: scenario.firstCoordinator, at: first.moment, replace: false, testClock: true)
            var refused = 0
            for step in steps {
                let state = try store.currentState()
                let actions = try DemoScenario.actions(for: step.instruction, effective: step.moment.today, state: state) { seq in
                    try store.entries([seq])[0]
                }
                let outcomes = try store.perform(actions, as: step.actor, at: step.moment)
                refused += outcomes.filter { if case .refused = $0.result { true } else { false } }.count
            }
            let end = Moment(recordedAt: "\(scenario.endDate)T10:00:00Z", today: scenario.endDate)
            let state = try store.currentState()
            print(Terminal.paint("Yuzhong rollout demo, as of \(scenario.endDate)", .bold))
            print("Played \(steps.count) commands by \(state.people.count) people; \(refused) attempts were refused and recorded.\n")
            for batch in plan.newBatches {
                print(StatusRendering.text(of: StatusBoard(plan: plan, state: state, batch: batch, asOf: end.today), plan: plan))
                print("")
            }
            let overdue = OverdueList.items(plan: plan, state: state, asOf: end.today)
            print(Terminal.paint("Overdue as of \(end.today)", .bold))
            for item in overdue {
                print("  \(item.daysLate) days late: \(item.batch) \(item.office?.name ?? "district-wide") \(item.milestone.id) (due \(item.due); \(item.expected)\(item.blocked ? ", blocked" : ""))")
            }
            if overdue.isEmpty { print("  nothing") }
            let verification = try store.verify()
            print("")
            print(Terminal.paint("Audit", .bold))
            print(verification.passed ? "  Verified \(verification.entries) entries: hash chain intact, every entry legal when made, stored state equals the replay."
                                      : "  VERIFICATION FAILED: \(verification.failure?.description ?? "")")
            print("  Head: \(verification.head)")
            let report = (folder as NSString).appendingPathComponent("yuzhong-demo-report.html")
            try ReportBuilder.write(try ReportBuilder.build(store: store, moment: end, batches: []).html, to: report)
            print("")
            print("Database: \(path)")
            print("Report:   \(report)")
            print("Explore:  rollout status --db \(path) --as-of 2026-09-05")
            print("          rollout history --db \(path) --office 菜园坝")
            print("          rollout refusals --db \(path)")
        }
    }
}
