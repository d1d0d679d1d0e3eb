import RolloutCore

/// The human table of entries, shared by history and changes.
enum HistoryRendering {
    static let headers = ["Entry", "Effective", "Recorded (UTC)", "Who", "Kind", "What", "Office", "Batch", "Note"]

    /// Prints the entries that `each` hands over as a table, in two passes
    /// (one to measure the columns, one to print), holding none of them: a
    /// national history has a million. `heading`, given the number of entries,
    /// is printed above the table. `each(through, body)` hands over the entries
    /// (the second time only those numbered up to `through`, so that entries
    /// appended meanwhile do not change the listing). People whose name is one
    /// of `sharedNames` are shown with their login, as the pages show everyone.
    /// Returns how many there were.
    static func print(
        plan: Plan, sharedNames: Set<String>, heading: ((Int) -> String)? = nil,
        each: (_ through: Int64?, _ body: (Entry) throws -> Void) throws -> Void
    ) throws -> Int {
        var layout = TextTable.Layout(headers: headers)
        var count = 0, last: Int64 = 0
        try each(nil) { entry in
            layout.measure(row(entry, plan: plan, sharedNames: sharedNames).cells)
            count += 1
            last = max(last, entry.seq)
        }
        var out = heading.map { $0(count) + "\n" } ?? ""
        layout.writeHeader(into: &out)
        try each(last) { entry in
            let (cells, colors) = row(entry, plan: plan, sharedNames: sharedNames)
            layout.writeLine(cells, colors: colors, into: &out)
            if out.utf8.count > 1 << 16 {
                Swift.print(out, terminator: "")
                out = ""
            }
        }
        Swift.print(out, terminator: "")
        return count
    }

    private static func row(_ entry: Entry, plan: Plan, sharedNames: Set<String>) -> (cells: [String], colors: [Terminal.Color?]) {
        let what: String
        switch entry.kind {
        case .milestone: what = entry.milestone ?? ""
        case .correction: what = "reverses #\(entry.target ?? 0) (\(entry.detail.reverses ?? "?"))"
        case .problemResolved: what = "problem #\(entry.target ?? 0)"
        case .refused: what = "\(entry.detail.action ?? "") → \(entry.detail.reason ?? "")"
        case .personAdded: what = "\(entry.detail.name ?? "") as \(entry.detail.role ?? "")"
        case .personRemoved: what = "removed \(entry.detail.name ?? "")"
        case .problemOpened, .blocked, .unblocked: what = ""
        }
        return (
            [
                "#\(entry.seq)", entry.effective.description, entry.recordedAt, who(entry, sharedNames: sharedNames),
                entry.kind.rawValue, what, entry.office.flatMap { plan.office(id: $0)?.name } ?? "-", entry.batch ?? "-",
                entry.note + (entry.evidence.isEmpty ? "" : " [evidence: \(entry.evidence.map(\.name).joined(separator: ", "))]"),
            ],
            [nil, nil, nil, nil, entry.kind == .refused ? .red : entry.kind == .correction ? .yellow : nil]
        )
    }

    /// The actor and role, with the login when another registered person has the same name.
    private static func who(_ entry: Entry, sharedNames: Set<String>) -> String {
        let login = sharedNames.contains(entry.actor) && entry.login != entry.actor ? " [\(entry.login)]" : ""
        return "\(entry.actor)\(login) (\(entry.actorRole.rawValue))"
    }
}
