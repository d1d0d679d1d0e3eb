/// Describes how a stored state differs from the state replayed from history.
package enum StateDifference {
    /// The first difference, in a stable order, or nil when the states are equal.
    package static func first(stored: RolloutState, replayed: RolloutState) -> String? {
        guard stored != replayed else { return nil }
        for login in Set(stored.people.keys).union(replayed.people.keys).sorted() where stored.people[login] != replayed.people[login] {
            return "people: \(login) is stored as \(describe(stored.people[login])) but the history says \(describe(replayed.people[login]))"
        }
        for batch in Set(stored.district.keys).union(replayed.district.keys).sorted() {
            let a = stored.district[batch] ?? [:], b = replayed.district[batch] ?? [:]
            for milestone in Set(a.keys).union(b.keys).sorted() where a[milestone] != b[milestone] {
                return
                    "district_completions: \(batch)/\(milestone) is stored as \(describe(a[milestone])) but the history says \(describe(b[milestone]))"
            }
        }
        let keys = Set(stored.tracks.keys).union(replayed.tracks.keys).sorted { ($0.batch, $0.office) < ($1.batch, $1.office) }
        for key in keys {
            let a = stored.tracks[key] ?? Track(), b = replayed.tracks[key] ?? Track()
            if a == b { continue }
            let at = "\(key.batch)/\(key.office)"
            for milestone in Set(a.completions.milestones).union(b.completions.milestones).sorted()
            where a.completions[milestone] != b.completions[milestone] {
                return
                    "office_completions: \(at)/\(milestone) is stored as \(describe(a.completions[milestone])) but the history says \(describe(b.completions[milestone]))"
            }
            if a.blockChanges != b.blockChanges {
                return
                    "block_changes: \(at) is stored as \(a.blockChanges.map { "#\($0.entry)" }) but the history says \(b.blockChanges.map { "#\($0.entry)" })"
            }
            for id in Set(a.problems.keys).union(b.problems.keys).sorted() where a.problems[id] != b.problems[id] {
                return
                    "problems: #\(id) at \(at) differs from the history (stored: \(a.problems[id] == nil ? "absent" : "present"), history: \(b.problems[id] == nil ? "absent" : "present"))"
            }
        }
        return nil
    }

    private static func describe(_ completion: Completion?) -> String {
        completion.map { "done by entry #\($0.entry) on \($0.effective)" } ?? "not done"
    }

    private static func describe(_ person: Person?) -> String {
        person.map { "\($0.role.rawValue)" + ($0.office.map { " of \($0)" } ?? "") } ?? "absent"
    }
}
