/// A plain-text table whose columns line up with Chinese (double-width) text.
struct TextTable {
    var headers: [String]
    /// Every row's cells, row after row, `headers.count` per row (a national
    /// status has 40,000 rows: one flat array instead of one array per row).
    private var cells: [String] = []
    /// Optional colour per cell, in step with `cells`, applied after padding so alignment is unaffected.
    private var colors: [Terminal.Color?] = []

    init(_ headers: String...) { self.headers = headers }

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ cells: String...) { add(cells) }

    /// Adds a row; missing cells are empty, extra ones dropped.
    mutating func add(_ row: [String], colors rowColors: [Terminal.Color?] = []) {
        for index in headers.indices {
            cells.append(index < row.count ? row[index] : "")
            colors.append(index < rowColors.count ? rowColors[index] : nil)
        }
    }

    /// The table as lines, two spaces between columns, no trailing spaces.
    var rendered: String {
        let count = headers.count
        var layout = Layout(headers: headers)
        let cellWidths = cells.map(DisplayWidth.of)
        for (index, width) in cellWidths.enumerated() { layout.widen(column: index % count, to: width) }
        var out = ""
        out.reserveCapacity((cells.count / max(count, 1) + 2) * (layout.widths.reduce(2 * count, +) + 8))
        layout.writeHeader(into: &out)
        var start = 0
        while start < cells.count {
            let row = start
            layout.writeLine({ cells[row + $0] }, widths: { cellWidths[row + $0] }, colors: { colors[row + $0] }, into: &out)
            start += count
        }
        out.removeLast()
        return out
    }

    /// Column widths and the layout of each line: what a table too long to
    /// hold needs to be printed in two passes (measure every row, then write each).
    struct Layout {
        let headers: [String]
        private(set) var widths: [Int]

        init(headers: [String]) {
            self.headers = headers
            widths = headers.map(DisplayWidth.of)
        }

        mutating func widen(column: Int, to width: Int) { widths[column] = max(widths[column], width) }

        /// Widens the columns to fit a row.
        mutating func measure(_ row: [String]) {
            for index in headers.indices where index < row.count { widen(column: index, to: DisplayWidth.of(row[index])) }
        }

        /// The header line and the line of dashes under it.
        func writeHeader(into out: inout String) {
            let headerWidths = headers.map(DisplayWidth.of)
            writeLine({ headers[$0] }, widths: { headerWidths[$0] }, colors: { _ in nil }, into: &out)
            out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        }

        /// One row; missing cells are empty.
        func writeLine(_ row: [String], colors: [Terminal.Color?], into out: inout String) {
            let cell = { (index: Int) in index < row.count ? row[index] : "" }
            writeLine(cell, widths: { DisplayWidth.of(cell($0)) }, colors: { $0 < colors.count ? colors[$0] : nil }, into: &out)
        }

        func writeLine(_ cell: (Int) -> String, widths width: (Int) -> Int, colors color: (Int) -> Terminal.Color?, into out: inout String) {
            let count = headers.count
            for index in 0..<count {
                if index > 0 { out += "  " }
                out += color(index).map { Terminal.paint(cell(index), $0) } ?? cell(index)
                if index < count - 1 {
                    for _ in 0..<max(0, widths[index] - width(index)) { out += " " }
                }
            }
            while out.utf8.last == UInt8(ascii: " ") { out.removeLast() }
            out += "\n"
        }
    }
}
