import RolloutCore

/// The JSON form of what changed between two dates (`changes --json`, `GET /api/v1/changes`).
package struct ChangesView: Encodable {
    package var from: String
    package var to: String
    package var changes: [ChangeView]
    package var entries: [EntryRecord]

    /// One change at one office (or district-wide).
    package struct ChangeView: Encodable {
        package var batch: String
        package var office: String?
        package var change: String
    }

    package init(_ report: ChangesReport, entries: [Entry]) {
        from = report.from.description
        to = report.to.description
        changes = report.changes.map { ChangeView(batch: $0.batch, office: $0.office, change: $0.description) }
        self.entries = entries.map(EntryRecord.init)
    }
}
