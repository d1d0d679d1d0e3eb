/// An entry as plain JSON fields, named as in the canonical encoding
/// (`actor_role`, `recorded_at`, ...): the form of `history --json` and of
/// entry lines in an export.
public struct EntryRecord: Codable, Equatable, Sendable {
    public var seq: Int64
    public var kind: String
    public var batch: String?
    public var office: String?
    public var milestone: String?
    public var target: Int64?
    public var actor: String
    public var actorRole: String
    public var effective: String
    public var recordedAt: String
    public var note: String
    public var evidence: [Evidence]
    public var detail: [String: String]
    public var bulk: String?
    public var idempotencyKey: String?
    public var planVersion: String
    public var previousHash: String
    public var hash: String

    enum CodingKeys: String, CodingKey {
        case seq, kind, batch, office, milestone, target, actor, effective, note, evidence, detail, bulk, hash
        case actorRole = "actor_role", recordedAt = "recorded_at", idempotencyKey = "idempotency_key"
        case planVersion = "plan_version", previousHash = "previous_hash"
    }

    public init(_ entry: Entry) {
        seq = entry.seq
        kind = entry.kind.rawValue
        batch = entry.batch
        office = entry.office
        milestone = entry.milestone
        target = entry.target
        actor = entry.actor
        actorRole = entry.actorRole.rawValue
        effective = entry.effective.description
        recordedAt = entry.recordedAt
        note = entry.note
        evidence = entry.evidence
        detail = entry.detail
        bulk = entry.bulk
        idempotencyKey = entry.idempotencyKey
        planVersion = entry.planVersion
        previousHash = entry.previousHash
        hash = entry.hash
    }

    /// The entry, or nil when its kind, role or date is not valid.
    public var entry: Entry? {
        guard let kind = EntryKind(rawValue: kind), let role = Role(rawValue: actorRole), let effective = LocalDate(effective) else { return nil }
        return Entry(seq: seq, kind: kind, batch: batch, office: office, milestone: milestone, target: target, actor: actor,
                     actorRole: role, effective: effective, recordedAt: recordedAt, note: note, evidence: evidence, detail: detail,
                     bulk: bulk, idempotencyKey: idempotencyKey, planVersion: planVersion, previousHash: previousHash, hash: hash)
    }
}
