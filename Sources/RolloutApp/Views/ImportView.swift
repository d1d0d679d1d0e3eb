import RolloutCore

/// The JSON form of an import (`import progress --json`, and the coordinator's
/// upload): the file, the counts and every row with its fate.
package struct ImportView: Encodable {
    package var file: FileView
    package var applied: Bool
    package var bulk: String?
    /// The entry count the preview was made against (`--expect` to apply exactly it).
    package var expect: Int64
    package var allowed: Int
    package var refused: Int
    package var alreadyImported: Int
    package var rows: [RowView]

    /// The imported file.
    package struct FileView: Encodable {
        package var sha256: String
        package var encoding: String
    }

    /// One row; `status` is `allowed`, `recorded`, `already_imported` or `refused`.
    package struct RowView: Encodable {
        package var row: Int
        package var office: String?
        package var batch: String?
        package var milestone: String?
        package var effective: String?
        package var reporter: String
        package var status: String
        package var entry: Int64?
        package var reason: String?
        package var message: String?

        package init(_ row: ImportedRow) {
            self.row = row.row
            office = row.office
            batch = row.batch
            milestone = row.milestone
            effective = row.effective?.description
            reporter = row.reporter
            switch row.status {
            case .allowed: status = "allowed"
            case .recorded(let entry): (status, self.entry) = ("recorded", entry)
            case .alreadyImported(let entry): (status, self.entry) = ("already_imported", entry)
            case .refused(let reason, let message): (status, self.reason, self.message) = ("refused", reason, message)
            }
        }
    }

    package init(_ result: ImportResult) {
        file = FileView(sha256: result.fileSHA256, encoding: result.encoding.rawValue)
        applied = result.applied
        bulk = result.bulk
        expect = result.headCount
        allowed = result.allowed
        refused = result.refused
        alreadyImported = result.alreadyImported
        rows = result.rows.map(RowView.init)
    }
}
