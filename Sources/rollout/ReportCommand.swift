import ArgumentParser
import Foundation
import RolloutCore
import RolloutStore

/// `rollout report --html FILE`: the weekly report as one self-contained HTML file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Write a self-contained HTML report (status, timeline, overdue, problems, audit head).")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "The HTML file to write.")
    var html: String

    @Option(name: .long, help: "A batch to include (default: every new batch).")
    var batch: [String] = []

    func run() throws {
        try reporting {
            let store = try database.open()
            let moment = try Clock.moment(for: store.plan)
            let report = try ReportBuilder.build(store: store, moment: moment, batches: batch)
            try ReportBuilder.write(report.html, to: html)
            print("Wrote \(html): \(report.boards.count) batches, \(report.overdue.count) overdue, \(report.problems.count) open problems, head \(report.verification.head.prefix(16)).")
        }
    }
}

/// Gathers what the report shows, and writes it.
enum ReportBuilder {
    static func build(store: Store, moment: Moment, batches: [String]) throws -> HTMLReport {
        let plan = store.plan
        let state = try store.currentState()
        let resolver = NameResolver(plan: plan)
        let chosen = batches.isEmpty ? plan.newBatches : try batches.map { try resolver.batch($0) }
        return HTMLReport(
            plan: plan, boards: chosen.map { StatusBoard(plan: plan, state: state, batch: $0, asOf: moment.today) },
            overdue: OverdueList.items(plan: plan, state: state, asOf: moment.today), problems: try store.problems(openOnly: true),
            verification: try store.verify(), generatedAt: moment.recordedAt, asOf: moment.today
        )
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw InputError("cannot write \(path); expected a writable path")
        }
    }
}
