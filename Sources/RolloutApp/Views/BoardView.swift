import RolloutCore

/// The JSON form of a status board (`status --json`, `GET /api/v1/status`).
package struct BoardView: Encodable {
    package var batch: String
    package var asOf: String
    package var summary: String
    package var live: Int
    package var offices: Int
    package var overdueOffices: Int
    package var openProblems: Int
    package var blocked: Int
    package var rows: [RowView]

    /// One office's row.
    package struct RowView: Encodable {
        package var office: String
        package var name: String
        package var live: Bool
        package var openProblems: Int
        package var blocked: String?
        package var cells: [String: CellView]
    }

    /// One milestone at one office.
    package struct CellView: Encodable {
        package var state: String
        package var date: String?
        package var daysLate: Int?
    }

    package init(_ board: StatusBoard) {
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
                let (state, date, _) = cell.parts
                cells[milestone.id] = CellView(state: state.rawValue, date: date?.description, daysLate: cell.statedLateness)
            }
            return RowView(
                office: row.office.id, name: row.office.name, live: row.live, openProblems: row.openProblems,
                blocked: row.block?.reason, cells: cells)
        }
    }
}
