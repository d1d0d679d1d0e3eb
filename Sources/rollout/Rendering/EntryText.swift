import RolloutCore

/// One-line human descriptions of offices and history entries.
enum EntryText {
    /// An office's label, `district-wide` for none.
    static func office(_ id: String?, _ plan: Plan) -> String {
        id.map(plan.officeLabel) ?? "district-wide"
    }

    /// An office's label, `district-wide` for none.
    static func office(_ office: Office?) -> String {
        office?.label ?? "district-wide"
    }

    /// e.g. `#12 network_built · 解放碑街道 (jiefangbei) · batch1 · effective 2026-08-20`;
    /// without the number for entries that were never written (dry runs).
    static func describe(_ entry: Entry, _ plan: Plan, numbered: Bool = true) -> String {
        var parts = numbered ? ["#\(entry.seq)"] : []
        switch entry.kind {
        case .milestone: parts.append(entry.milestone ?? "milestone")
        case .problemOpened: parts.append(numbered ? "problem #\(entry.seq) opened" : "problem opened")
        case .problemResolved: parts.append("problem #\(entry.target ?? 0) resolved")
        case .blocked: parts.append("blocked")
        case .unblocked: parts.append("unblocked")
        case .correction: parts.append("reverses #\(entry.target ?? 0)" + (entry.milestone.map { " (\($0))" } ?? ""))
        case .personAdded: parts.append("registered \(entry.detail.name ?? "?") as \(entry.detail.role ?? "?")")
        case .personRemoved: parts.append("removed \(entry.detail.name ?? "?") from the register")
        case .refused: parts.append("refused: \(entry.detail.action ?? "?")")
        }
        if (entry.kind != .personAdded && entry.kind != .personRemoved) || entry.office != nil { parts.append(office(entry.office, plan)) }
        if let batch = entry.batch { parts.append(batch) }
        parts.append("effective \(entry.effective)")
        return parts.joined(separator: " · ")
    }
}
