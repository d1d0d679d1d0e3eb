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
        let all = [headers] + rows
        let count = headers.count
        var widths = Array(repeating: 0, count: count)
        for row in all {
            for (index, cell) in row.prefix(count).enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        func line(_ row: [String], _ rowColors: [Terminal.Color?]) -> String {
            var cells: [String] = []
            for index in 0..<count {
                let cell = index < row.count ? row[index] : ""
                let padded = index == count - 1 ? cell : DisplayWidth.pad(cell, to: widths[index])
                let color = index < rowColors.count ? rowColors[index] : nil
                cells.append(color.map { Terminal.paint(cell, $0) + String(padded.dropFirst(cell.count)) } ?? padded)
            }
            var text = cells.joined(separator: "  ")
            while text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
            return text
        }
        var lines = [line(headers, [])]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += zip(rows, colors).map(line)
        return lines.joined(separator: "\n")
    }
}
