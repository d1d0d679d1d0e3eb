import RolloutCore

/// Boards as compact JSON with sorted keys, written by hand: the same text
/// Foundation's encoder gives (`BoardsJSONTests` holds them equal) in a
/// twentieth of the time. A national batch's board has 40,000 rows, 18 MB of
/// JSON, which Foundation took more than a second to write.
package enum BoardsJSON {
    package static func bytes(_ boards: [BoardView]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(boards.reduce(0) { $0 + 400 * $1.rows.count } + 256)
        func raw(_ text: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
        func string(_ value: String) { CanonicalJSON.writeString(value, into: &out) }
        func number(_ value: Int) { out.append(contentsOf: String(value).utf8) }
        func bool(_ value: Bool) { if value { raw("true") } else { raw("false") } }
        raw("[")
        for (index, board) in boards.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"asOf\":"); string(board.asOf)
            raw(",\"batch\":"); string(board.batch)
            raw(",\"blocked\":"); number(board.blocked)
            raw(",\"live\":"); number(board.live)
            raw(",\"offices\":"); number(board.offices)
            raw(",\"openProblems\":"); number(board.openProblems)
            raw(",\"overdueOffices\":"); number(board.overdueOffices)
            raw(",\"rows\":[")
            for (rowIndex, row) in board.rows.enumerated() {
                if rowIndex > 0 { raw(",") }
                raw("{")
                if let blocked = row.blocked { raw("\"blocked\":"); string(blocked); raw(",") }
                raw("\"cells\":{")
                for (cellIndex, key) in row.cells.keys.sorted().enumerated() {
                    guard let cell = row.cells[key] else { continue }
                    if cellIndex > 0 { raw(",") }
                    string(key)
                    raw(":{")
                    if let date = cell.date { raw("\"date\":"); string(date); raw(",") }
                    if let late = cell.daysLate { raw("\"daysLate\":"); number(late); raw(",") }
                    raw("\"state\":"); string(cell.state)
                    raw("}")
                }
                raw("},\"live\":"); bool(row.live)
                raw(",\"name\":"); string(row.name)
                raw(",\"office\":"); string(row.office)
                raw(",\"openProblems\":"); number(row.openProblems)
                raw("}")
            }
            raw("],\"summary\":"); string(board.summary)
            raw("}")
        }
        raw("]")
        return out
    }
}
