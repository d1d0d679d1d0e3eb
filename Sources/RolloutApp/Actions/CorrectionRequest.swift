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
    package func correct(_ request: CorrectionRequest, by actor: Actor, at now: Timestamp) throws -> ActionResult {
        let moment = try moment(at: now)
        try NoteText.check(request.reason, what: "reason")
        guard !request.entries.isEmpty else { throw InputError("name at least one entry number to reverse") }
        let targets = try store.entries(Array(Set(request.entries)).sorted())
        let action = Action.correct(targets: targets, effective: try request.write.effective(today: moment.today), reason: request.reason)
        return try perform([action], by: actor, at: moment, write: request.write)
    }
}
