import ArgumentParser
import RolloutApp
import RolloutStore
import RolloutWeb

/// `rollout report --html FILE`: the weekly report as one self-contained HTML
/// file, rendered through the server's board templates.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write a self-contained HTML report (status, timeline, overdue, problems, audit head).")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "The HTML file to write (- for standard output; a FIFO or device is written into).")
    var html: String

    @Option(name: .long, help: "A batch to include (default: every new batch).")
    var batch: [String] = []

    @Option(name: .long, help: "The report's language: zh (default) or en.")
    var language = "zh"

    func run() throws {
        try reporting {
            guard let chosen = Language(rawValue: language) else { throw InputError("invalid --language \"\(language)\"; expected zh or en") }
            let service = try database.openToRead()
            let report = try service.report(batches: batch, now: try CommandClock.now(for: service))
            try AtomicFile.write(html, text: try PageRenderer().render("report", ReportPage(report, language: chosen)))
            let summary =
                "Wrote \(html == "-" ? "standard output" : html): \(report.boards.count) batches, \(report.overdue.count) overdue, \(report.problems.count) open problems, head \(report.verification.head.prefix(16))."
            if html == "-" { Terminal.standardError(summary) } else { print(summary) }
        }
    }
}
