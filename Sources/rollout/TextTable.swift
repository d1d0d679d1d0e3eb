/// A plain-text table whose columns line up with Chinese (double-width) text.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Optional colour per cell, applied after padding so alignment is unaffected.
    var colors: [[Terminal.Color?]] = []

    init(_ headers: String...) { self.headers = headers }

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ cells: String...) { add(cells) }

    mutating func add(_ cells: [String], colors: [Terminal.Color?] = []) {
        rows.append(cells)
        self.colors.append(colors)
    }

    /// The table as lines, two spaces between columns, no trailing spaces.
    var rendered: String {
        let count = headers.count
        let all = [headers] + rows
        let cellWidths = all.map { row in (0..<count).map { $0 < row.count ? DisplayWidth.of(row[$0]) : 0 } }
        var widths = Array(repeating: 0, count: count)
        for row in cellWidths {
            for (index, width) in row.enumerated() { widths[index] = max(widths[index], width) }
        }
        var out = ""
        func line(_ row: [String], _ rowWidths: [Int], _ rowColors: [Terminal.Color?]) {
            var text = ""
            for index in 0..<count {
                let cell = index < row.count ? row[index] : ""
                if index > 0 { text += "  " }
                let color = index < rowColors.count ? rowColors[index] : nil
                text += color.map { Terminal.paint(cell, $0) } ?? cell
                if index < count - 1 { text += String(repeating: " ", count: widths[index] - rowWidths[index]) }
            }
            while text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
            out += text
            out += "\n"
        }
        line(headers, cellWidths[0], [])
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for (index, row) in rows.enumerated() { line(row, cellWidths[index + 1], index < colors.count ? colors[index] : []) }
        out.removeLast()
        return out
    }
}
