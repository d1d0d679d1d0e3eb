import ArgumentParser
import RolloutApp

/// `rollout status`: the office × milestone matrix per batch.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the office × milestone matrix of each batch in progress (or --batch).",
        discussion: """
            Cells: ✓ MM-DD done on that date (+Nd: N days after its due date); due MM-DD not yet due; \
            late Nd overdue by N days; blocked (Nd: and N days past due); n/a. --as-of DATE shows the state on that date as known now (effective axis); \
            --known-at TIME shows what the database held at that moment (recorded axis).
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "A batch (id, number or label); default: every batch in progress.")
    var batch: [String] = []

    @Option(name: .customLong("as-of"), help: "Show the state on this date (YYYY-MM-DD), as known now.")
    var asOf: String?

    @Option(name: .customLong("known-at"), help: "Show what the database knew at this time (ISO 8601, or a date meaning its end).")
    var knownAt: String?

    func run() throws {
        try reporting {
            let service = try database.openToRead()
            let plan = service.plan
            let request = StatusRequest(batches: batch, asOf: asOf, knownAt: knownAt)
            if output.json { try JSONOutput.print(try service.boards(request, now: try CommandClock.now(for: service)).map(BoardView.init)); return }
            // Each board is printed as soon as it is built.
            var first = true
            try service.eachBoard(request, now: try CommandClock.now(for: service)) { board in
                print((first ? "" : "\n") + StatusRendering.text(of: board, plan: plan))
                first = false
            }
        }
    }
}
