import Foundation
import RolloutCore
import RolloutStore

/// A progress sheet to import, as read from a file or uploaded: its bytes,
/// whether to write (`apply`) or only preview, and optionally the entry count
/// or head the person saw in the preview.
package struct ProgressImport: Sendable {
    package var bytes: [UInt8]
    package var apply: Bool
    package var expect: String?

    package init(bytes: [UInt8], apply: Bool = false, expect: String? = nil) {
        self.bytes = bytes
        self.apply = apply
        self.expect = expect
    }
}

extension RolloutService {
    /// Imports a progress sheet (`docs/import.md`).
    ///
    /// Every row is checked: names resolved, dates parsed, then the rows that
    /// name real things are decided by the rules in effective-date order (on a
    /// date, in the plan's milestone order), so prerequisites come first. A
    /// preview writes nothing. With `apply`, the allowed rows are written in one
    /// transaction with one bulk id, each recorded by `actor` (a coordinator)
    /// with the row's reporter, the file's SHA-256 and the row number in its
    /// detail and the idempotency key `import:<sha256>:<row>`, so importing the
    /// same file again records nothing new. Refused rows are not recorded.
    /// A malformed file throws `InputError` and writes nothing.
    package func importProgress(_ request: ProgressImport, by actor: Identity, at clock: some WallClock) throws -> ImportResult {
        let text = try SheetText(bytes: request.bytes)
        let table = try CSVTable(text: text.text)
        let columns = try ImportColumns(header: table.header)
        guard let person = try store.person(login: actor.login), person.role == .coordinator else {
            throw PermissionDenied("only a coordinator may import progress; \(actor.login) is not a registered coordinator")
        }
        // Rows are checked against today; the writes read the clock again once the write lock is held.
        let today = try moment(at: clock.now()).today
        let sha256 = SHA256Hex.digest(Data(request.bytes))
        var write = try WriteInput(expect: request.expect).options()
        write.authentication = actor.authentication

        var rows: [ImportedRow] = []
        var pending: [(index: Int, request: Store.Request)] = []
        for csvRow in table.rows {
            let (row, action) = checkedRow(csvRow, columns: columns, sha256: sha256, today: today)
            if let action {
                pending.append((rows.count, Store.Request(actor: actor.login, action: action, idempotencyKey: "import:\(sha256):\(csvRow.number)")))
            }
            rows.append(row)
        }
        let order = Dictionary(plan.milestones.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        pending.sort {
            let (a, b) = (rows[$0.index], rows[$1.index])
            return (a.effective?.dayNumber ?? 0, order[a.milestone ?? ""] ?? 0, a.row) < (
                b.effective?.dayNumber ?? 0, order[b.milestone ?? ""] ?? 0, b.row
            )
        }

        let head = try store.head()
        var preview = write
        preview.expect = write.expect ?? .count(head.count)
        preview.dryRun = true
        let decided = pending.isEmpty ? [] : try store.perform(recordingBy: clock, options: preview) { _ in pending.map(\.request) }
        var toWrite: [(index: Int, request: Store.Request)] = []
        for (item, outcome) in zip(pending, decided) {
            if case .recorded = outcome.result { toWrite.append(item) }
            rows[item.index] = rows[item.index].with(Self.status(of: outcome))
        }
        var bulk: String?
        if request.apply, !toWrite.isEmpty {
            // Decided against the same head in the same order, so exactly the previewed rows are recorded.
            var options = write
            options.expect = .count(head.count)
            let written = try store.perform(recordingBy: clock, options: options) { _ in toWrite.map(\.request) }
            for (item, outcome) in zip(toWrite, written) {
                rows[item.index] = rows[item.index].with(Self.status(of: outcome, written: true))
                if case .recorded(let entries) = outcome.result { bulk = entries.first?.bulk }
            }
        }
        return ImportResult(
            fileSHA256: sha256, encoding: text.encoding, rows: rows.sorted { $0.row < $1.row }, applied: request.apply, bulk: bulk,
            headCount: head.count)
    }

    /// A row checked against the plan: the action it asks for, or why it is refused before the rules see it.
    private func checkedRow(_ csvRow: CSVTable.Row, columns: ImportColumns, sha256: String, today: LocalDate) -> (ImportedRow, Action?) {
        let value = { columns.value($0, in: csvRow.fields) }
        let reporter = value(.reporter)
        var office: Office?, batch: Batch?, milestone: Milestone?, effective: LocalDate?
        func refused(_ reason: String, _ message: String) -> (ImportedRow, Action?) {
            let row = ImportedRow(
                row: csvRow.number, office: office?.id, batch: batch?.id, milestone: milestone?.id, effective: effective, reporter: reporter,
                status: .refused(reason: reason, message: message))
            return (row, nil)
        }
        do { milestone = try names.milestone(value(.milestone)) } catch {
            return refused(value(.milestone).isEmpty ? "missing_value" : "unknown_milestone", "milestone: \(error.message)")
        }
        do { batch = try names.batch(value(.batch)) } catch {
            return refused(value(.batch).isEmpty ? "missing_value" : "unknown_batch", "batch: \(error.message)")
        }
        let officeText = value(.office)
        if !Self.districtWords.contains(officeText.lowercased()) {
            do { office = try names.office(officeText) } catch { return refused("unknown_office", "office: \(error.message)") }
        }
        let dateText = value(.date)
        effective = SheetDate.parse(dateText)
        guard let milestone, let batch, let effective else {
            return refused(
                dateText.isEmpty ? "missing_value" : "bad_date",
                dateText.isEmpty
                    ? "the date is empty; expected when it happened, e.g. 2026-08-15"
                    : "date \"\(dateText)\" is not a real calendar date; expected YYYY-MM-DD, YYYY/M/D or YYYY年M月D日, e.g. 2026-08-15")
        }
        if batch.alreadyLive {
            return refused("unknown_batch", "batch \(batch.id) (\(batch.label)) is already live everywhere; it has no milestones")
        }
        switch (milestone.scope, office) {
        case (.district, .some(let named)):
            return refused("wrong_scope", "\(milestone.id) is recorded once for the whole district; leave the office empty (not \(named.name))")
        case (.office, .none):
            return refused(officeText.isEmpty ? "missing_value" : "wrong_scope", "\(milestone.id) is recorded per office; name the office")
        default: break
        }
        if effective > today { return refused("future_date", "date \(effective) is in the future (today is \(today)); expected today or earlier") }
        do {
            try NoteText.check(value(.note))
            try NoteText.check(reporter, what: "reporter")
        } catch {
            return refused("bad_text", (error as? InputError)?.message ?? "\(error)")
        }
        let source = ImportSource(reporter: reporter, fileSHA256: sha256, row: csvRow.number)
        let action = Action.record(
            milestone: milestone.id, batch: batch.id, office: office?.id, effective: effective, note: value(.note), evidence: [], source: source)
        let row = ImportedRow(
            row: csvRow.number, office: office?.id, batch: batch.id, milestone: milestone.id, effective: effective, reporter: reporter,
            status: .allowed)
        return (row, action)
    }

    /// A row's status from the store's outcome: allowed in a preview, recorded when written.
    private static func status(of outcome: Outcome, written: Bool = false) -> ImportedRow.Status {
        switch outcome.result {
        case .recorded(let entries): written ? .recorded(entry: entries.first?.seq ?? 0) : .allowed
        case .refused(let refusal, _): .refused(reason: refusal.reason.rawValue, message: refusal.message)
        case .duplicate(let entry): .alreadyImported(entry: entry.seq)
        }
    }

    /// What an office cell may say for a district-wide milestone.
    private static let districtWords: Set<String> = ["", "全区", "区级", "district", "all", "-", "—"]
}
