import RolloutCore

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
        let (state, date, late) = cell.parts
        let short = date.map { String($0.description.dropFirst(5)) } ?? ""
        switch state {
        case .done: return ("✓ " + short + (late > 0 ? " +\(late)d" : ""), late > 0 ? .yellow : .green)
        case .due: return ("due " + short, .grey)
        case .overdue: return ("late \(late)d", .red)
        case .blocked: return ("blocked" + (late > 0 ? " \(late)d" : ""), late > 0 ? .red : .yellow)
        case .notApplicable: return ("n/a", .grey)
        }
    }
}
