import RolloutCore

/// One batch's office × milestone matrix and its plan-vs-actual timeline, as
/// the board page and the report show it.
package struct BoardSection: Sendable {
    /// A milestone column.
    package struct Column: Sendable {
        let id: String
        let label: String
    }

    /// One cell's words and its colour class.
    package struct CellText: Sendable {
        let text: String
        let css: String
    }

    /// One office's row; `link` is its page, when the reader may open it.
    package struct RowText: Sendable {
        let office: String
        let name: String
        let link: String?
        let cells: [CellText]
        let status: String
    }

    let batch: String
    let label: String
    let summary: String
    let columns: [Column]
    let rows: [RowText]
    let timeline: Timeline?

    /// The section for `board`; `linkOffices` makes each office name a link to its page.
    package init(_ board: StatusBoard, plan: Plan, strings t: PageStrings, linkOffices: Bool) {
        batch = board.batch.id
        label = board.batch.label
        summary = t.format(
            "board_summary",
            [
                "live": String(board.liveCount), "offices": String(board.rows.count), "overdue": String(board.overdueOffices),
                "problems": String(board.openProblems), "blocked": String(board.blockedCount),
            ])
        columns = board.milestones.map { Column(id: $0.id, label: $0.label) }
        rows = board.rows.map { row in
            var status = row.live ? t["board_live"] : t["board_notLive"]
            if row.openProblems > 0 { status += " · " + t.format("board_openProblems", ["n": String(row.openProblems)]) }
            if let block = row.block { status += " · " + t.format("board_blockedReason", ["reason": block.reason]) }
            return RowText(
                office: row.office.id, name: row.office.name, link: linkOffices ? "/offices/\(row.office.id)" : nil,
                cells: row.cells.map { Self.text($0, t) }, status: status)
        }
        timeline = Timeline(board, plan: plan, strings: t)
    }

    /// A cell in words: when done (and how late), when due, how late, or since when blocked.
    static func text(_ cell: StatusBoard.Cell, _ t: PageStrings) -> CellText {
        let (state, date, late) = cell.parts
        let values = ["date": date?.description ?? "", "n": String(late)]
        switch state {
        case .done: return CellText(text: t.format(late > 0 ? "cell_doneLate" : "cell_done", values), css: late > 0 ? "late" : "done")
        case .due: return CellText(text: t.format("cell_due", values), css: "due")
        case .overdue: return CellText(text: t.format("cell_overdue", values), css: "overdue")
        case .blocked: return CellText(text: t.format(late > 0 ? "cell_blockedLate" : "cell_blocked", values), css: "blocked")
        case .notApplicable: return CellText(text: t["cell_na"], css: "na")
        }
    }
}
