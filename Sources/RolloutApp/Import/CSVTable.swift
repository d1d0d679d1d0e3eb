import Foundation

/// Rows of comma-separated fields as Excel writes them: fields in double
/// quotes may hold commas, line breaks and doubled quotes; lines end with CRLF
/// or LF. Every row must have as many fields as the header.
package struct CSVTable: Equatable, Sendable {
    /// One row: its number in the sheet (the header is row 1) and its fields.
    package struct Row: Equatable, Sendable {
        package let number: Int
        package let fields: [String]
    }

    package let header: [String]
    /// The rows after the header, blank ones left out.
    package let rows: [Row]

    /// Parses `text`, or names the row that is malformed.
    package init(text: String) throws {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var row = 1, rowStartLine = 1, line = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()

        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) { rows.append(Row(number: row, fields: fields)) }
            fields = []
            field = ""
            wasQuoted = false
            row += 1
            rowStartLine = line
        }

        while let scalar = pending {
            pending = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = scalars.next()
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case "\"":
                throw InputError("row \(row): a double quote in the middle of a field; expected a field either in quotes or without any")
            case ",":
                fields.append(field)
                field = ""
                wasQuoted = false
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                line += 1
                endRow()
            default:
                if wasQuoted {
                    throw InputError("row \(row): text after a closing quote; expected a comma or the end of the line")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw InputError("row \(row) (line \(rowStartLine)): a quoted field is never closed; expected a closing double quote") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRow() }

        guard let first = rows.first else { throw InputError("the file has no header row; expected a first row naming the columns") }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        self.rows = try rows.dropFirst().compactMap { row in
            if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return nil }
            guard row.fields.count == first.fields.count else {
                throw InputError("row \(row.number) has \(row.fields.count) fields; expected \(first.fields.count), as many as the header row")
            }
            return row
        }
    }
}
