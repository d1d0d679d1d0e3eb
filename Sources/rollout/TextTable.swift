/// A plain-text table whose columns line up with Chinese (double-width) text.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells) }
    mutating func add(_ cells: [String]) { rows.append(cells) }

    /// The table as lines, two spaces between columns, no trailing spaces.
    var rendered: String {
        let all = [headers] + rows
        let count = headers.count
        var widths = Array(repeating: 0, count: count)
        for row in all {
            for (index, cell) in row.prefix(count).enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        func line(_ row: [String]) -> String {
            var text = ""
            for index in 0..<count {
                let cell = index < row.count ? row[index] : ""
                text += index == count - 1 ? cell : DisplayWidth.pad(cell, to: widths[index]) + "  "
            }
            return String(text.reversed().drop { $0 == " " }.reversed())
        }
        var lines = [line(headers)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
