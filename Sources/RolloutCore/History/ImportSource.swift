/// Where an imported milestone came from: the sheet's reporter, the SHA-256 of
/// the file and the row (as the spreadsheet numbers it, the header being row 1).
///
/// Kept in the entry's detail (`reporter`, `import_sha256`, `import_row`), so
/// an auditor can find the very line of the very file an entry was made from.
package struct ImportSource: Equatable, Sendable {
    /// Who reported it, as the sheet says; empty when the sheet names no one.
    package var reporter: String
    /// Lowercase hex SHA-256 of the imported file's bytes.
    package var fileSHA256: String
    /// The row of the sheet, from 2 (row 1 is the header).
    package var row: Int

    package init(reporter: String, fileSHA256: String, row: Int) {
        self.reporter = reporter
        self.fileSHA256 = fileSHA256
        self.row = row
    }
}
