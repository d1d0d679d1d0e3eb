import Foundation

/// Turns what a person typed into plan ids: offices by id or Chinese name
/// (with or without 街道), batches by id, number or label, milestones by id.
/// Unknown names are rejected with the closest valid names.
package struct NameResolver: Sendable {
    package let plan: Plan

    package init(plan: Plan) { self.plan = plan }

    package func office(_ text: String) throws(InvalidAction) -> Office {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        if let office = plan.office(id: wanted.lowercased()) ?? plan.offices.first(where: { $0.name == wanted || $0.name == wanted + "街道" }) {
            return office
        }
        throw InvalidAction("unknown office \"\(text)\"; \(suggest(wanted, among: plan.offices.map { ($0.id, "\($0.id) (\($0.name))") }))")
    }

    package func batch(_ text: String) throws(InvalidAction) -> Batch {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let batch = plan.batches.first(where: {
            $0.id == wanted || String($0.number) == wanted || $0.label == wanted || "batch\($0.number)" == wanted
        }) {
            return batch
        }
        throw InvalidAction(
            "unknown batch \"\(text)\"; \(suggest(wanted, among: plan.batches.map { ($0.id, "\($0.id) (\($0.number), \($0.label))") }))")
    }

    package func milestone(_ text: String) throws(InvalidAction) -> Milestone {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        if let milestone = plan.milestones.first(where: { $0.id == wanted || $0.label == text }) { return milestone }
        throw InvalidAction("unknown milestone \"\(text)\"; \(suggest(wanted, among: plan.milestones.map { ($0.id, "\($0.id) (\($0.label))") }))")
    }

    /// "did you mean X?" for close matches, else the full list of valid names.
    private func suggest(_ wanted: String, among candidates: [(key: String, shown: String)]) -> String {
        let scored = candidates.map { (candidate: $0, distance: NameResolver.distance(wanted.lowercased(), $0.key)) }
        let best = scored.map(\.distance).min() ?? .max
        let limit = max(2, wanted.count / 3)
        if best <= limit {
            let close = scored.filter { $0.distance == best }.map(\.candidate.shown)
            return "did you mean \(close.joined(separator: " or "))?"
        }
        return "expected one of: " + candidates.map(\.shown).joined(separator: ", ")
    }

    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
