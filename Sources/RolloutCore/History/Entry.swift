/// One entry of the append-only, hash-chained history.
///
/// Accepted actions, corrections, registrations and refused attempts are all
/// entries. `hash` is SHA-256 over `previousHash` and the canonical encoding
/// (see `canonical` and `docs/audit.md`), so any change to any entry breaks
/// every hash after it.
package struct Entry: Equatable, Sendable {
    /// Position in the history, from 1, without gaps.
    package let seq: Int64
    package let kind: EntryKind
    package let batch: String?
    package let office: String?
    package let milestone: String?
    /// For a correction, the entry it reverses; for a resolution, the problem (its opening entry).
    package let target: Int64?
    /// The acting person's display name, as registered when the entry was made.
    package let actor: String
    /// The acting person's login, and how they were authenticated (`Authentication`):
    /// both set on entries of format 2, both nil on those of format 1 (made
    /// before logins existed, when the name identified the person).
    package let actorLogin: String?
    package let auth: String?
    package let actorRole: Role
    /// When it happened, as the actor states it.
    package let effective: LocalDate
    /// When it was written, ISO 8601 UTC (`2026-11-27T08:30:00Z`).
    package let recordedAt: String
    package let note: String
    package let evidence: [Evidence]
    /// Kind-specific facts: for a refusal `action`, `reason`, `message`; for a registration `name`, `role`.
    package let detail: EntryDetail
    /// Shared by every entry written by one bulk command.
    package let bulk: String?
    /// Set by the client so that a resubmitted report is recorded once.
    package let idempotencyKey: String?
    /// The plan version (hash) in force when the entry was written.
    package let planVersion: String
    package let previousHash: String
    package let hash: String

    package init(
        seq: Int64, kind: EntryKind, batch: String?, office: String?, milestone: String?, target: Int64?,
        actor: String, actorRole: Role, effective: LocalDate, recordedAt: String, note: String,
        evidence: [Evidence], detail: EntryDetail, bulk: String?, idempotencyKey: String?,
        planVersion: String, previousHash: String, hash: String, actorLogin: String? = nil, auth: String? = nil
    ) {
        self.seq = seq
        self.kind = kind
        self.batch = batch
        self.office = office
        self.milestone = milestone
        self.target = target
        self.actor = actor
        self.actorLogin = actorLogin
        self.auth = auth
        self.actorRole = actorRole
        self.effective = effective
        self.recordedAt = recordedAt
        self.note = note
        self.evidence = evidence
        self.detail = detail
        self.bulk = bulk
        self.idempotencyKey = idempotencyKey
        self.planVersion = planVersion
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The same entry carrying `hash`.
    package func with(hash: String) -> Entry {
        Entry(
            seq: seq, kind: kind, batch: batch, office: office, milestone: milestone, target: target, actor: actor,
            actorRole: actorRole, effective: effective, recordedAt: recordedAt, note: note, evidence: evidence, detail: detail,
            bulk: bulk, idempotencyKey: idempotencyKey, planVersion: planVersion, previousHash: previousHash, hash: hash,
            actorLogin: actorLogin, auth: auth)
    }

    /// The login of the person who acted: `actorLogin`, or for a format 1 entry the name.
    package var login: String { actorLogin ?? actor }

    /// The hash before the first entry.
    package static let genesisHash = String(repeating: "0", count: 64)

    /// The canonical encoding that is hashed: every field but `hash`.
    package var canonical: CanonicalJSON {
        var members: [String: CanonicalJSON] = [
            "seq": .int(seq),
            "kind": .string(kind.rawValue),
            "batch": .optional(batch),
            "office": .optional(office),
            "milestone": .optional(milestone),
            "target": .optional(target),
            "actor": .string(actor),
            "actor_role": .string(actorRole.rawValue),
            "effective": .string(effective.description),
            "recorded_at": .string(recordedAt),
            "note": .string(note),
            "evidence": .array(evidence.map(\.canonicalValue)),
            "detail": detail.canonical,
            "bulk": .optional(bulk),
            "idempotency_key": .optional(idempotencyKey),
            "plan_version": .string(planVersion),
            "previous_hash": .string(previousHash),
        ]
        if let actorLogin { members["actor_login"] = .string(actorLogin) }
        if let auth { members["auth"] = .string(auth) }
        return .object(members)
    }

    /// The UTF-8 bytes of `canonical.text`, written directly in key order
    /// (the hot path of sealing and verifying).
    package var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        writeCanonicalBytes(into: &out)
        return out
    }

    /// Replaces the contents of `out` with `canonicalBytes`, reusing its storage.
    package func writeCanonicalBytes(into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(420 + note.utf8.count)
        func raw(_ text: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
        func string(_ value: String) { CanonicalJSON.writeString(value, into: &out) }
        func optional(_ value: String?) { if let value { string(value) } else { raw("null") } }
        func number(_ value: Int64) { out.append(contentsOf: String(value).utf8) }
        raw("{\"actor\":"); string(actor)
        if let actorLogin { raw(",\"actor_login\":"); string(actorLogin) }
        raw(",\"actor_role\":"); string(actorRole.rawValue)
        if let auth { raw(",\"auth\":"); string(auth) }
        raw(",\"batch\":"); optional(batch)
        raw(",\"bulk\":"); optional(bulk)
        raw(",\"detail\":"); detail.writeCanonicalBytes(into: &out)
        raw(",\"effective\":"); string(effective.description)
        raw(",\"evidence\":[")
        for (index, file) in evidence.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"name\":"); string(file.name)
            raw(",\"sha256\":"); string(file.sha256)
            raw(",\"size\":"); number(file.size); raw("}")
        }
        raw("],\"idempotency_key\":"); optional(idempotencyKey)
        raw(",\"kind\":"); string(kind.rawValue)
        raw(",\"milestone\":"); optional(milestone)
        raw(",\"note\":"); string(note)
        raw(",\"office\":"); optional(office)
        raw(",\"plan_version\":"); string(planVersion)
        raw(",\"previous_hash\":"); string(previousHash)
        raw(",\"recorded_at\":"); string(recordedAt)
        raw(",\"seq\":"); number(seq)
        raw(",\"target\":"); if let target { number(target) } else { raw("null") }
        raw("}")
    }

    /// `canonical.text`, from `canonicalBytes`.
    package var canonicalText: String { String(decoding: canonicalBytes, as: UTF8.self) }

    /// The hash this entry must carry, given its other fields.
    package var expectedHash: String { SHA256Hex.digest(canonicalBytes) }

    /// Whether `hash` matches the content, using `scratch` for the canonical
    /// bytes so that checking a million entries allocates nothing per entry.
    package func hashMatchesContent(scratch: inout [UInt8]) -> Bool {
        writeCanonicalBytes(into: &scratch)
        return SHA256Hex.matches(scratch, hex: hash)
    }
}
