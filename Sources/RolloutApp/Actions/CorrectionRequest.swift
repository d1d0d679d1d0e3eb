import RolloutCore

/// Mistaken entries to reverse, as typed.
package struct CorrectionRequest: Sendable {
    /// The entry numbers to reverse.
    package var entries: [Int64]
    /// Why they are wrong.
    package var reason: String
    package var write: WriteInput

    package init(entries: [Int64], reason: String, write: WriteInput = WriteInput()) {
        self.entries = entries
        self.reason = reason
        self.write = write
    }
}

extension RolloutService {
    /// Reverses entries, each with a new entry; dependants must be named too.
    package func correct(_ request: CorrectionRequest, by actor: Identity, at clock: some WallClock) throws -> ActionResult {
        try NoteText.check(request.reason, what: "reason")
        guard !request.entries.isEmpty else { throw InputError("name at least one entry number to reverse") }
        let targets = try store.entries(Array(Set(request.entries)).sorted())
        let date = try request.write.effectiveDate()
        return try perform(by: actor, at: clock, write: request.write) { moment in
            [.correct(targets: targets, effective: date ?? moment.today, reason: request.reason)]
        }
    }
}

/// What a correction would reverse: the entries named and those depending on them.
package struct CorrectionPlan: Sendable {
    package let targets: [Entry]
    /// Entries in effect that must be reversed together with the targets, with what each is.
    package let dependants: [(entry: Int64, what: String)]
}

extension RolloutService {
    /// The entries named and every entry that depends on them, for a page to list before a correction.
    package func correctionPlan(entries: [Int64], now: Timestamp) throws -> CorrectionPlan {
        guard !entries.isEmpty else { throw InputError("name at least one entry number to reverse") }
        let targets = try store.entries(Array(Set(entries)).sorted())
        let state = try store.state(knownAt: now.iso8601)
        let engine = Engine(plan: plan)
        let named = Set(entries)
        var seen = Set<Int64>()
        let dependants = targets.flatMap { engine.dependants(of: $0, in: state) }.filter {
            !named.contains($0.entry) && seen.insert($0.entry).inserted
        }
        return CorrectionPlan(targets: targets, dependants: dependants)
    }
}
