import RolloutApp
import RolloutCore

/// Prints an import: one line per row in sheet order (what would be or was
/// recorded, or why the row is refused), then the counts and what to do next.
struct ImportRendering {
    let plan: Plan
    let result: ImportResult
    let path: String

    func print(json: Bool) throws {
        if json { return try JSONOutput.print(ImportView(result)) }
        Swift.print("\(path): \(result.encoding.rawValue), SHA-256 \(result.fileSHA256)")
        for row in result.rows { Swift.print(line(for: row)) }
        let verb = result.applied ? "recorded" : "allowed"
        var summary = "\(result.allowed) \(verb), \(result.refused) refused, \(result.alreadyImported) already imported"
        if result.applied {
            summary += result.bulk.map { " (\($0))" } ?? ""
        } else {
            summary = "dry run, nothing written: " + summary
        }
        Swift.print(summary)
        if !result.applied, result.rows.contains(where: { $0.status == .allowed }) {
            Swift.print("to record the allowed rows: rollout import progress \(path) --apply --expect \(result.headCount)")
        }
    }

    private func line(for row: ImportedRow) -> String {
        let what = [
            row.batch, row.milestone, row.office.map { EntryText.office($0, plan) } ?? (row.milestone == nil ? nil : "district-wide"),
            row.effective?.description,
        ].compactMap { $0 }.joined(separator: " ")
        let by = row.reporter.isEmpty ? "" : " (reported by \(row.reporter))"
        let number = "row \(row.row)"
        switch row.status {
        case .allowed: return "\(number): \(Terminal.paint("would record", .green)) \(what)\(by)"
        case .recorded(let entry): return "\(number): \(Terminal.paint("recorded", .green)) #\(entry) \(what)\(by)"
        case .alreadyImported(let entry): return "\(number): \(Terminal.paint("already imported", .yellow)) as #\(entry) \(what)"
        case .refused(let reason, let message): return "\(number): \(Terminal.paint("refused", .red)) (\(reason)) \(message)"
        }
    }
}
