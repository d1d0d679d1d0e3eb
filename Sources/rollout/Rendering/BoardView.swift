import RolloutCore

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
                let (state, date, late) = cell.parts
                // `due` cells carry no lateness; the other dated cells always say how late.
                cells[milestone.id] = CellView(state: state.rawValue, date: date?.description, daysLate: date == nil || state == .due ? nil : late)
            }
            return RowView(office: row.office.id, name: row.office.name, live: row.live, openProblems: row.openProblems,
                           blocked: row.block?.reason, cells: cells)
        }
    }
}
