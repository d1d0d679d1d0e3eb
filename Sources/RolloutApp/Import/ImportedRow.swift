import RolloutCore

/// One row of an imported sheet: what it names, and what becomes of it.
package struct ImportedRow: Equatable, Sendable {
    /// What becomes of a row.
    package enum Status: Equatable, Sendable {
        /// Allowed; recorded with `--apply` (a preview writes nothing).
        case allowed
        /// Recorded as this entry.
        case recorded(entry: Int64)
        /// This very row of this very file was imported before, as this entry; nothing new.
        case alreadyImported(entry: Int64)
        /// Refused: a code (`unknown_office`, `bad_date`, `missing_prerequisite`, ...) and why.
        case refused(reason: String, message: String)
    }

    /// The row number in the sheet (the header is row 1).
    package let row: Int
    /// The office's id when the row names a known one.
    package let office: String?
    /// The batch's id when known.
    package let batch: String?
    /// The milestone's id when known.
    package let milestone: String?
    /// The effective date when it is a real date.
    package let effective: LocalDate?
    package let reporter: String
    package let status: Status

    package init(row: Int, office: String?, batch: String?, milestone: String?, effective: LocalDate?, reporter: String, status: Status) {
        self.row = row
        self.office = office
        self.batch = batch
        self.milestone = milestone
        self.effective = effective
        self.reporter = reporter
        self.status = status
    }

    /// The same row with another status.
    func with(_ status: Status) -> ImportedRow {
        ImportedRow(row: row, office: office, batch: batch, milestone: milestone, effective: effective, reporter: reporter, status: status)
    }
}
