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
        let cellWidths = cells.map(DisplayWidth.of)
        let headerWidths = headers.map(DisplayWidth.of)
        var widths = headerWidths
        for (index, width) in cellWidths.enumerated() { widths[index % count] = max(widths[index % count], width) }
        var out = ""
        out.reserveCapacity((cells.count / max(count, 1) + 2) * (widths.reduce(2 * count, +) + 8))
        func line(_ cell: (Int) -> String, _ width: (Int) -> Int, _ color: (Int) -> Terminal.Color?) {
            for index in 0..<count {
                if index > 0 { out += "  " }
                out += color(index).map { Terminal.paint(cell(index), $0) } ?? cell(index)
                if index < count - 1 {
                    for _ in 0..<(widths[index] - width(index)) { out += " " }
                }
            }
            while out.utf8.last == UInt8(ascii: " ") { out.removeLast() }
            out += "\n"
        }
        line({ headers[$0] }, { headerWidths[$0] }, { _ in nil })
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        var start = 0
        while start < cells.count {
            let row = start
            line({ cells[row + $0] }, { cellWidths[row + $0] }, { colors[row + $0] })
            start += count
        }
        out.removeLast()
        return out
    }
}
