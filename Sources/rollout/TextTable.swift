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
        // One pass for the widths, kept flat (row-major) for the second pass that writes.
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity((rows.count + 1) * count)
        var widths = Array(repeating: 0, count: count)
        func measure(_ row: [String]) {
            for index in 0..<count {
                let width = index < row.count ? DisplayWidth.of(row[index]) : 0
                cellWidths.append(width)
                widths[index] = max(widths[index], width)
            }
        }
        measure(headers)
        rows.forEach(measure)
        var out = ""
        out.reserveCapacity((rows.count + 2) * (widths.reduce(2 * count, +) + 8))
        func line(_ row: [String], _ number: Int, _ rowColors: [Terminal.Color?]) {
            for index in 0..<count {
                let cell = index < row.count ? row[index] : ""
                if index > 0 { out += "  " }
                let color = index < rowColors.count ? rowColors[index] : nil
                out += color.map { Terminal.paint(cell, $0) } ?? cell
                if index < count - 1 {
                    for _ in 0..<(widths[index] - cellWidths[number * count + index]) { out += " " }
                }
            }
            while out.utf8.last == UInt8(ascii: " ") { out.removeLast() }
            out += "\n"
        }
        line(headers, 0, [])
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for (index, row) in rows.enumerated() { line(row, index + 1, index < colors.count ? colors[index] : []) }
        out.removeLast()
        return out
    }
}
