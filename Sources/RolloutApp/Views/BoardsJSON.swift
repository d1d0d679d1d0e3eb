import RolloutCore

/// Status boards as compact JSON with sorted keys, written by hand straight
/// from the boards: the same text Foundation's encoder gives for `BoardView`
/// (`BoardsJSONTests` holds them equal) without building a dictionary per row.
/// A national batch's board has 40,000 rows, 18 MB of JSON.
package enum BoardsJSON {
    package static func bytes(_ boards: [StatusBoard]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(boards.reduce(0) { $0 + 450 * $1.rows.count } + 256)
        func raw(_ text: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
        func string(_ value: String) { CanonicalJSON.writeString(value, into: &out) }
        func number(_ value: Int) { out.append(contentsOf: String(value).utf8) }
        raw("[")
        for (index, board) in boards.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"asOf\":")
            string(board.asOf.description)
            raw(",\"batch\":")
            string(board.batch.id)
            raw(",\"blocked\":")
            number(board.blockedCount)
            raw(",\"live\":")
            number(board.liveCount)
            raw(",\"offices\":")
            number(board.rows.count)
            raw(",\"openProblems\":")
            number(board.openProblems)
            raw(",\"overdueOffices\":")
            number(board.overdueOffices)
            raw(",\"rows\":[")
            // Cells in the order of their milestone ids, as sorted keys require; worked out once per board.
            let order = board.milestones.indices.sorted { board.milestones[$0].id < board.milestones[$1].id }
            for (rowIndex, row) in board.rows.enumerated() {
                if rowIndex > 0 { raw(",") }
                raw("{")
                if let block = row.block {
                    raw("\"blocked\":")
                    string(block.reason)
                    raw(",")
                }
                raw("\"cells\":{")
                for (position, cellIndex) in order.enumerated() where cellIndex < row.cells.count {
                    if position > 0 { raw(",") }
                    string(board.milestones[cellIndex].id)
                    let cell = row.cells[cellIndex]
                    let (state, date, _) = cell.parts
                    raw(":{")
                    if let date {
                        raw("\"date\":")
                        string(date.description)
                        if let late = cell.statedLateness {
                            raw(",\"daysLate\":")
                            number(late)
                        }
                        raw(",")
                    }
                    raw("\"state\":")
                    string(state.rawValue)
                    raw("}")
                }
                raw("},\"live\":")
                if row.live { raw("true") } else { raw("false") }
                raw(",\"name\":")
                string(row.office.name)
                raw(",\"office\":")
                string(row.office.id)
                raw(",\"openProblems\":")
                number(row.openProblems)
                raw("}")
            }
            raw("],\"summary\":")
            string(board.summary)
            raw("}")
        }
        raw("]")
        return out
    }
}
