import Foundation
import RolloutApp

/// CSV that Excel on a Chinese Windows desktop opens correctly: UTF-8 with a
/// byte-order mark, CRLF line ends, RFC 4180 quoting. Cells whose first
/// character other than whitespace (spaces, tabs, line breaks, the
/// ideographic space) is `=`, `+`, `-` or `@`, or their full-width forms
/// `＝＋－＠`, get a leading `'`, so a spreadsheet never runs them as
/// formulas, also one that trims spaces; a plain number such as `-3` stays a number.
struct CSVWriter {
    private(set) var text = "\u{FEFF}"

    init(header: [String]) { add(header) }

    mutating func add(_ cells: [String]) {
        text += cells.map(Self.field).joined(separator: ",") + "\r\n"
    }

    /// A whole table, header first.
    static func text(of table: ExportTable) -> String {
        var writer = CSVWriter(header: table.header)
        for row in table.rows { writer.add(row) }
        return writer.text
    }

    static func field(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first(where: { !$0.properties.isWhitespace }), "=+-@＝＋－＠".unicodeScalars.contains(first),
            Double(cell) == nil
        {
            cell = "'" + cell
        }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
