import ArgumentParser
import RolloutApp

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
            let report = try database.open().report(batches: batch, now: try Clock.now())
            try TextFile.write(HTMLReport(report).html, to: html)
            print("Wrote \(html): \(report.boards.count) batches, \(report.overdue.count) overdue, \(report.problems.count) open problems, head \(report.verification.head.prefix(16)).")
        }
    }
}
