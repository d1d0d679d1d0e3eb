import RolloutCore

/// The human table of entries, shared by history and changes.
enum HistoryRendering {
    static func table(_ entries: [Entry], plan: Plan) -> String {
        var table = TextTable("Entry", "Effective", "Recorded (UTC)", "Who", "Kind", "What", "Office", "Batch", "Note")
        for entry in entries {
            let what: String
            switch entry.kind {
            case .milestone: what = entry.milestone ?? ""
            case .correction: what = "reverses #\(entry.target ?? 0) (\(entry.detail["reverses"] ?? "?"))"
            case .problemResolved: what = "problem #\(entry.target ?? 0)"
            case .refused: what = "\(entry.detail["action"] ?? "") → \(entry.detail["reason"] ?? "")"
            case .personAdded: what = "\(entry.detail["name"] ?? "") as \(entry.detail["role"] ?? "")"
            case .personRemoved: what = "removed \(entry.detail["name"] ?? "")"
            case .problemOpened, .blocked, .unblocked: what = ""
            }
            table.add(["#\(entry.seq)", entry.effective.description, entry.recordedAt, "\(entry.actor) (\(entry.actorRole.rawValue))",
                       entry.kind.rawValue, what, entry.office.flatMap { plan.office(id: $0)?.name } ?? "-", entry.batch ?? "-",
                       entry.note + (entry.evidence.isEmpty ? "" : " [evidence: \(entry.evidence.map(\.name).joined(separator: ", "))]")],
                      colors: [nil, nil, nil, nil, entry.kind == .refused ? .red : entry.kind == .correction ? .yellow : nil])
        }
        return table.rendered
    }
}
