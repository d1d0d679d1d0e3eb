import RolloutCore

/// A block or unblock of offices' rollout of a batch, as typed.
package struct BlockChangeRequest: Sendable {
    /// Block (true) or unblock (false).
    package var blocking: Bool
    /// The batch: id, number or label.
    package var batch: String
    /// Offices by id or Chinese name, or `all`.
    package var offices: [String]
    /// Why.
    package var reason: String
    package var write: WriteInput

    package init(blocking: Bool, batch: String, offices: [String], reason: String, write: WriteInput = WriteInput()) {
        self.blocking = blocking
        self.batch = batch
        self.offices = offices
        self.reason = reason
        self.write = write
    }
}

extension RolloutService {
    /// Blocks or unblocks each office named, in one transaction.
    package func changeBlock(_ request: BlockChangeRequest, by actor: Identity, at clock: some WallClock) throws -> ActionResult {
        try NoteText.check(request.reason, what: "reason")
        let batch = try names.batch(request.batch).id
        let date = try request.write.effectiveDate()
        let targets = try offices(named: request.offices)
        if targets.isEmpty { throw InputError(.office) { "name the office with \($0(.office)) (an id, a list, or all)" } }
        return try perform(by: actor, at: clock, write: request.write) { moment in
            let effective = date ?? moment.today
            return targets.map { office in
                request.blocking
                    ? Action.block(batch: batch, office: office.id, effective: effective, reason: request.reason)
                    : Action.unblock(batch: batch, office: office.id, effective: effective, reason: request.reason)
            }
        }
    }
}
