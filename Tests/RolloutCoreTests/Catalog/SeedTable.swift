import Foundation

/// Reads the seed document (a table flattened to text) into rows of nine
/// cells, filling merged cells down as the brief describes.
struct SeedTable {
    struct Row {
        var number: Int
        var name: String
        var area: String
        var depth: String
        var schedule: String
        var unit: String
        var sections: String
        var batch: String
        var remarks: String
    }

    var rows: [Row] = []
    var footnote = ""

    init(text: String) throws {
        let lines = text.components(separatedBy: "\n")
        let cells = lines.filter { $0.hasPrefix("\t") }.map { String($0.dropFirst()).trimmingCharacters(in: .whitespaces) }
        guard cells.count % 9 == 0 else { throw SeedError("the seed has \(cells.count) cells, not a multiple of 9") }
        var previous: Row?
        for start in stride(from: 0, to: cells.count, by: 9) {
            let c = Array(cells[start..<start + 9])
            if c[0] == "序号" { continue }
            guard let number = Int(c[0]) else { throw SeedError("row at cell \(start) starts with \(c[0])") }
            func fill(_ value: String, _ above: String?) -> String { value.isEmpty ? (above ?? "") : value }
            let row = Row(
                number: number, name: c[1], area: fill(c[2], previous?.area), depth: c[3],
                schedule: fill(c[4], previous?.schedule), unit: fill(c[5], previous?.unit),
                sections: fill(c[6], previous?.sections), batch: fill(c[7], previous?.batch), remarks: c[8])
            rows.append(row)
            previous = row
        }
        footnote = lines.first { $0.contains("备注：序号") } ?? ""
    }

    struct SeedError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
