import ArgumentParser
import RolloutCore
import RolloutStore

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
            let store = try database.open()
            let plan = store.plan
            let boards = try StatusQuery(store: store, asOf: asOf, knownAt: knownAt, batches: batch).boards()
            if output.json { try JSONOutput.print(boards.map(BoardView.init)); return }
            print(boards.map { StatusRendering.text(of: $0, plan: plan) }.joined(separator: "\n\n"))
        }
    }
}

/// Resolves the date, the state (current, effective-axis or recorded-axis) and the batches of a status-like command.
struct StatusQuery {
    let store: Store
    let asOf: String?
    let knownAt: String?
    let batches: [String]

    /// The batches named on the command line, or nil for all.
    func namedBatches() throws -> [Batch]? {
        let resolver = NameResolver(plan: store.plan)
        return batches.isEmpty ? nil : try batches.map { try resolver.batch($0) }
    }

    func stateAndDate() throws -> (RolloutState, LocalDate) {
        let plan = store.plan
        let only = try namedBatches()?.map(\.id)
        if asOf != nil && knownAt != nil { throw InputError("use --as-of or --known-at, not both") }
        if let asOf {
            let date = try TimeArguments.date(asOf, option: "--as-of")
            return (try store.state(asOf: date, batches: only), date)
        }
        if let knownAt {
            let bound = try TimeArguments.recordedBound(knownAt, option: "--known-at", plan: plan, endOfDay: true)
            let today = try Clock.moment(for: plan).today
            let date = LocalDate(String(bound.prefix(10))) ?? today
            return (try store.state(knownAt: bound), date)
        }
        return (try store.currentState(batches: only), try Clock.moment(for: plan).today)
    }

    func boards() throws -> [StatusBoard] {
        let plan = store.plan
        let (state, date) = try stateAndDate()
        let chosen = try namedBatches() ?? StatusBoard.batchesInProgress(plan: plan, state: state, asOf: date)
        return chosen.map { StatusBoard(plan: plan, state: state, batch: $0, asOf: date) }
    }
}

/// The human rendering of a status board.
enum StatusRendering {
    static func text(of board: StatusBoard, plan: Plan) -> String {
        var table = TextTable(["Office 街道"] + board.milestones.map(\.id) + ["Live / problems"])
        for row in board.rows {
            var cells = [row.office.name], colors: [Terminal.Color?] = [nil]
            for cell in row.cells {
                let (text, color) = describe(cell)
                cells.append(text)
                colors.append(color)
            }
            var last = row.live ? "live" : "not live"
            if row.openProblems > 0 { last += " · \(row.openProblems) open" }
            if let block = row.block { last += " · blocked: \(block.reason)" }
            cells.append(last)
            colors.append(row.block != nil ? .yellow : row.openProblems > 0 ? .red : row.live ? .green : nil)
            table.add(cells, colors: colors)
        }
        let title = "\(board.batch.id) \(board.batch.label) · as of \(board.asOf)"
        return [Terminal.paint(title, .bold), table.rendered, board.summary].joined(separator: "\n")
    }

    static func describe(_ cell: StatusBoard.Cell) -> (String, Terminal.Color?) {
        func short(_ date: LocalDate) -> String { String(date.description.dropFirst(5)) }
        switch cell {
        case .done(let date, let late): return ("✓ " + short(date) + (late > 0 ? " +\(late)d" : ""), late > 0 ? .yellow : .green)
        case .due(let date): return ("due " + short(date), .grey)
        case .overdue(_, let days): return ("late \(days)d", .red)
        case .blocked(_, let late): return ("blocked" + (late > 0 ? " \(late)d" : ""), late > 0 ? .red : .yellow)
        case .notApplicable: return ("n/a", .grey)
        }
    }
}

/// The JSON form of a status board.
struct BoardView: Encodable {
    var batch: String
    var asOf: String
    var summary: String
    var live: Int
    var offices: Int
    var overdueOffices: Int
    var openProblems: Int
    var blocked: Int
    var rows: [RowView]

    struct RowView: Encodable {
        var office: String
        var name: String
        var live: Bool
        var openProblems: Int
        var blocked: String?
        var cells: [String: CellView]
    }

    struct CellView: Encodable {
        var state: String
        var date: String?
        var daysLate: Int?
    }

    init(_ board: StatusBoard) {
        batch = board.batch.id
        asOf = board.asOf.description
        summary = board.summary
        live = board.liveCount
        offices = board.rows.count
        overdueOffices = board.overdueOffices
        openProblems = board.openProblems
        blocked = board.blockedCount
        rows = board.rows.map { row in
            var cells: [String: CellView] = [:]
            for (milestone, cell) in zip(board.milestones, row.cells) {
                switch cell {
                case .done(let date, let late): cells[milestone.id] = CellView(state: "done", date: date.description, daysLate: late)
                case .due(let date): cells[milestone.id] = CellView(state: "due", date: date.description)
                case .overdue(let due, let days): cells[milestone.id] = CellView(state: "overdue", date: due.description, daysLate: days)
                case .blocked(let since, let late): cells[milestone.id] = CellView(state: "blocked", date: since.description, daysLate: late)
                case .notApplicable: cells[milestone.id] = CellView(state: "not_applicable")
                }
            }
            return RowView(office: row.office.id, name: row.office.name, live: row.live, openProblems: row.openProblems,
                           blocked: row.block?.reason, cells: cells)
        }
    }
}
