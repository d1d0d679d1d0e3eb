/// An entry the engine has decided to write, before the store gives it a
/// place in the chain (sequence number, recording time, hashes).
public struct EntryDraft: Equatable, Sendable {
    public var kind: EntryKind
    public var batch: String?
    public var office: String?
    public var milestone: String?
    public var target: Int64?
    public var actor: String
    public var actorRole: Role
    public var effective: LocalDate
    public var note: String = ""
    public var evidence: [Evidence] = []
    public var detail: [String: String] = [:]

    public init(kind: EntryKind, batch: String? = nil, office: String? = nil, milestone: String? = nil,
                target: Int64? = nil, actor: String, actorRole: Role, effective: LocalDate,
                note: String = "", evidence: [Evidence] = [], detail: [String: String] = [:]) {
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
    public func sealed(seq: Int64, recordedAt: String, planVersion: String, previousHash: String,
                       bulk: String?, idempotencyKey: String?) -> Entry {
        var entry = Entry(
            seq: seq, kind: kind, batch: batch, office: office, milestone: milestone, target: target,
            actor: actor, actorRole: actorRole, effective: effective, recordedAt: recordedAt, note: note,
            evidence: evidence, detail: detail, bulk: bulk, idempotencyKey: idempotencyKey,
            planVersion: planVersion, previousHash: previousHash, hash: ""
        )
        entry.hash = entry.expectedHash
        return entry
    }
}
