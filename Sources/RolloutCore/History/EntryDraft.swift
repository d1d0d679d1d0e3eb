/// An entry the engine has decided to write, before the store gives it a
/// place in the chain (sequence number, recording time, hashes).
package struct EntryDraft: Equatable, Sendable {
    package var kind: EntryKind
    package var batch: String?
    package var office: String?
    package var milestone: String?
    package var target: Int64?
    package var actor: String
    package var actorRole: Role
    package var effective: LocalDate
    package var note: String = ""
    package var evidence: [Evidence] = []
    package var detail: EntryDetail = .none

    package init(
        kind: EntryKind, batch: String? = nil, office: String? = nil, milestone: String? = nil,
        target: Int64? = nil, actor: String, actorRole: Role, effective: LocalDate,
        note: String = "", evidence: [Evidence] = [], detail: EntryDetail = .none
    ) {
        self.kind = kind
        self.batch = batch
        self.office = office
        self.milestone = milestone
        self.target = target
        self.actor = actor
        self.actorRole = actorRole
        self.effective = effective
        self.note = note
        self.evidence = evidence
        self.detail = detail
    }

    /// Seals the draft into the chain after `previousHash`.
    package func sealed(
        seq: Int64, recordedAt: String, planVersion: String, previousHash: String,
        bulk: String?, idempotencyKey: String?, identity: Identity? = nil
    ) -> Entry {
        let unsealed = Entry(
            seq: seq, kind: kind, batch: batch, office: office, milestone: milestone, target: target,
            actor: actor, actorRole: actorRole, effective: effective, recordedAt: recordedAt, note: note,
            evidence: evidence, detail: detail, bulk: bulk, idempotencyKey: idempotencyKey,
            planVersion: planVersion, previousHash: previousHash, hash: "", actorLogin: identity?.login, auth: identity?.authentication.rawValue
        )
        return unsealed.with(hash: unsealed.expectedHash)
    }
}

extension EntryDraft {
    /// Whether `entry` was sealed from this draft, field by field without building its draft.
    func isDraft(of entry: Entry) -> Bool {
        kind == entry.kind && batch == entry.batch && office == entry.office && milestone == entry.milestone && target == entry.target
            && actor == entry.actor && actorRole == entry.actorRole && effective == entry.effective && note == entry.note
            && evidence == entry.evidence && detail == entry.detail
    }

    /// The draft an entry was sealed from.
    package init(_ entry: Entry) {
        self.init(
            kind: entry.kind, batch: entry.batch, office: entry.office, milestone: entry.milestone, target: entry.target,
            actor: entry.actor, actorRole: entry.actorRole, effective: entry.effective, note: entry.note,
            evidence: entry.evidence, detail: entry.detail)
    }
}
