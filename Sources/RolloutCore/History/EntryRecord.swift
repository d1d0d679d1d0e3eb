/// An entry as plain JSON fields, named as in the canonical encoding
/// (`actor_role`, `recorded_at`, ...): the form of `history --json` and of
/// entry lines in an export.
package struct EntryRecord: Codable, Equatable, Sendable {
    package var seq: Int64
    package var kind: String
    package var batch: String?
    package var office: String?
    package var milestone: String?
    package var target: Int64?
    package var actor: String
    package var actorLogin: String?
    package var actorRole: String
    package var auth: String?
    package var effective: String
    package var recordedAt: String
    package var note: String
    package var evidence: [Evidence]
    package var detail: [String: String]
    package var bulk: String?
    package var idempotencyKey: String?
    package var planVersion: String
    package var previousHash: String
    package var hash: String

    enum CodingKeys: String, CodingKey {
        case seq, kind, batch, office, milestone, target, actor, effective, note, evidence, detail, bulk, hash, auth
        case actorLogin = "actor_login", actorRole = "actor_role", recordedAt = "recorded_at", idempotencyKey = "idempotency_key"
        case planVersion = "plan_version", previousHash = "previous_hash"
    }

    package init(_ entry: Entry) {
        seq = entry.seq
        kind = entry.kind.rawValue
        batch = entry.batch
        office = entry.office
        milestone = entry.milestone
        target = entry.target
        actor = entry.actor
        actorLogin = entry.actorLogin
        actorRole = entry.actorRole.rawValue
        auth = entry.auth
        effective = entry.effective.description
        recordedAt = entry.recordedAt
        note = entry.note
        evidence = entry.evidence
        detail = entry.detail.members
        bulk = entry.bulk
        idempotencyKey = entry.idempotencyKey
        planVersion = entry.planVersion
        previousHash = entry.previousHash
        hash = entry.hash
    }

    /// A field of a parsed export line that is missing or has the wrong type.
    package struct FieldError: Error, CustomStringConvertible {
        package var field: String
        package var description: String { "field \"\(field)\" is missing or has a wrong type" }
    }

    /// Reads the fields of a parsed export line by hand: verifying an export
    /// reads a million of them, twice, and the generic decoding machinery
    /// would be most of the time. Keys are those of `CodingKeys`; optional ones may be absent or null.
    package init(fields: [String: CanonicalJSON]) throws(FieldError) {
        func string(_ key: CodingKeys) throws(FieldError) -> String {
            guard case .string(let value)? = fields[key.rawValue] else { throw FieldError(field: key.rawValue) }
            return value
        }
        func optionalString(_ key: CodingKeys) throws(FieldError) -> String? {
            switch fields[key.rawValue] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            default: throw FieldError(field: key.rawValue)
            }
        }
        func integer(_ key: String, in object: [String: CanonicalJSON]) throws(FieldError) -> Int64 {
            guard case .int(let value)? = object[key] else { throw FieldError(field: key) }
            return value
        }
        seq = try integer(CodingKeys.seq.rawValue, in: fields)
        kind = try string(.kind)
        batch = try optionalString(.batch)
        office = try optionalString(.office)
        milestone = try optionalString(.milestone)
        switch fields[CodingKeys.target.rawValue] {
        case nil, .null?: target = nil
        case .int(let value)?: target = value
        default: throw FieldError(field: CodingKeys.target.rawValue)
        }
        actor = try string(.actor)
        actorLogin = try optionalString(.actorLogin)
        actorRole = try string(.actorRole)
        auth = try optionalString(.auth)
        effective = try string(.effective)
        recordedAt = try string(.recordedAt)
        note = try string(.note)
        guard case .array(let files)? = fields[CodingKeys.evidence.rawValue] else { throw FieldError(field: CodingKeys.evidence.rawValue) }
        evidence = []
        for file in files {
            guard case .object(let object) = file, case .string(let name)? = object["name"], case .string(let sha256)? = object["sha256"] else {
                throw FieldError(field: CodingKeys.evidence.rawValue)
            }
            evidence.append(Evidence(name: name, sha256: sha256, size: try integer("size", in: object)))
        }
        guard case .object(let members)? = fields[CodingKeys.detail.rawValue] else { throw FieldError(field: CodingKeys.detail.rawValue) }
        detail = [:]
        for (key, value) in members {
            guard case .string(let text) = value else { throw FieldError(field: CodingKeys.detail.rawValue) }
            detail[key] = text
        }
        bulk = try optionalString(.bulk)
        idempotencyKey = try optionalString(.idempotencyKey)
        planVersion = try string(.planVersion)
        previousHash = try string(.previousHash)
        hash = try string(.hash)
    }

    /// The entry, or nil when its kind, role or date is not valid.
    package var entry: Entry? {
        guard let kind = EntryKind(rawValue: kind), let role = Role(rawValue: actorRole), let effective = LocalDate(effective) else { return nil }
        return Entry(
            seq: seq, kind: kind, batch: batch, office: office, milestone: milestone, target: target, actor: actor,
            actorRole: role, effective: effective, recordedAt: recordedAt, note: note, evidence: evidence, detail: EntryDetail(members: detail),
            bulk: bulk, idempotencyKey: idempotencyKey, planVersion: planVersion, previousHash: previousHash, hash: hash,
            actorLogin: actorLogin, auth: auth)
    }
}
