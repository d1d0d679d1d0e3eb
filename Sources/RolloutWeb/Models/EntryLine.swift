import Foundation
import RolloutCore

/// One history entry as a table row: when, what, who, the note, and links to its evidence files.
package struct EntryLine: Sendable {
    /// An evidence file and where to fetch it.
    package struct File: Sendable {
        let name: String
        let href: String
    }

    let seq: Int64
    let recordedAt: String
    let effective: String
    let what: String
    let actor: String
    let note: String
    let files: [File]
    let refused: Bool

    package init(_ entry: Entry, plan: Plan, strings: PageStrings) {
        seq = entry.seq
        recordedAt = entry.recordedAt
        effective = entry.effective.description
        what = Self.describe(entry, plan: plan, strings: strings)
        actor = "\(entry.actor)（\(entry.login)）"
        note = entry.note
        files = entry.evidence.map {
            File(name: $0.name, href: "/evidence/\($0.sha256)")
        }
        refused = entry.kind == .refused
    }

    /// What an entry records, in a line: kind, batch, office, milestone, target,
    /// and a refusal's reason (in Chinese first on a Chinese page).
    package static func describe(_ entry: Entry, plan: Plan, strings: PageStrings) -> String {
        var parts = [entry.kind.rawValue]
        if let batch = entry.batch { parts.append(batch) }
        if let office = entry.office { parts.append(plan.office(id: office)?.name ?? office) }
        if let milestone = entry.milestone { parts.append(milestone) }
        if let target = entry.target { parts.append("→ #\(target)") }
        if entry.kind == .personAdded { parts.append("\(entry.detail.name ?? "") \(entry.detail.role ?? "")") }
        if let message = entry.detail.message { parts.append("— " + strings.refusal(code: entry.detail.reason, message: message)) }
        return parts.joined(separator: " ")
    }
}
