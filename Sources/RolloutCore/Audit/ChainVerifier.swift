/// Checks the hash chain entry by entry: numbering without gaps, each
/// `previous_hash` the hash before, each `hash` matching the content, each
/// plan version known, and (from format 2 on) recording times that never go backwards.
package struct ChainVerifier: Sendable {
    /// The plan versions entries may name.
    package let planVersions: Set<String>
    /// Entries checked so far.
    package private(set) var count: Int64 = 0
    /// The hash of the last entry checked.
    package private(set) var head = Entry.genesisHash
    /// Reused for each entry's canonical bytes.
    private var scratch: [UInt8] = []
    /// The previous entry's recording time, as written and as an instant.
    private var lastRecorded: (text: String, instant: Timestamp)?
    /// The first entry of format 2 (recording its actor's login), once seen.
    private var firstFormatTwo: Int64?

    package init(planVersions: Set<String>) { self.planVersions = planVersions }

    /// Checks one entry, in stored order. With `checkingContent` false the
    /// caller checks that the hash matches the content (`checkContent`)
    /// elsewhere, e.g. on another thread.
    package mutating func feed(_ entry: Entry, checkingContent: Bool = true) throws(AuditFailure) {
        try checkLinks(entry)
        if checkingContent { try ChainVerifier.checkContent(entry, scratch: &scratch) }
        try checkRecordingTime(entry)
        count = entry.seq
        head = entry.hash
    }

    /// Each entry of format 2 (with `actor_login`) is recorded at a UTC time no
    /// earlier than the entry before: a back-dated entry (a clock set back, or
    /// an injected one) shows here. Entries of format 1 come from releases that
    /// let the demo record out of order, so only their form is checked; once a
    /// format 2 entry is seen, an entry of format 1 after it is tampering.
    private mutating func checkRecordingTime(_ entry: Entry) throws(AuditFailure) {
        if entry.actorLogin == nil, let formatTwo = firstFormatTwo {
            throw AuditFailure(entry: entry.seq, "it has no actor_login, but entry #\(formatTwo) before it has: the entry format never goes back")
        }
        if entry.actorLogin != nil, firstFormatTwo == nil { firstFormatTwo = entry.seq }
        // The tool writes `YYYY-MM-DDTHH:MM:SSZ`; the same text as the entry before needs no parsing.
        if let lastRecorded, lastRecorded.text == entry.recordedAt { return }
        guard let instant = Timestamp(iso8601: entry.recordedAt) else {
            throw AuditFailure(
                entry: entry.seq, "its recorded_at \"\(entry.recordedAt)\" is not an ISO 8601 time; expected a UTC time such as 2026-09-15T01:00:00Z")
        }
        if entry.actorLogin != nil, let lastRecorded, instant < lastRecorded.instant {
            throw AuditFailure(
                entry: entry.seq,
                "recorded at \(entry.recordedAt), before entry #\(entry.seq - 1) (\(lastRecorded.text)): the recording time went backwards")
        }
        lastRecorded = (entry.recordedAt, instant)
    }

    /// Checks that an entry's hash matches its content; `scratch` is reused for the canonical bytes.
    package static func checkContent(_ entry: Entry, scratch: inout [UInt8]) throws(AuditFailure) {
        guard entry.hashMatchesContent(scratch: &scratch) else {
            throw AuditFailure(entry: entry.seq, "its hash does not match its content: a field of this entry was changed after it was written")
        }
    }

    /// Numbering, the link to the entry before, and the plan version.
    private func checkLinks(_ entry: Entry) throws(AuditFailure) {
        guard entry.seq == count + 1 else {
            throw AuditFailure(
                entry: entry.seq,
                entry.seq <= count
                    ? "it comes after entry #\(count): entries are out of order or duplicated"
                    : "entry #\(count + 1) is missing: entries were deleted or the history was cut")
        }
        guard entry.previousHash == head else {
            throw AuditFailure(
                entry: entry.seq,
                "its previous_hash \(entry.previousHash.prefix(12)) is not the hash of entry #\(count) (\(head.prefix(12))): an earlier entry was changed, removed, swapped or inserted"
            )
        }
        guard planVersions.contains(entry.planVersion) else {
            throw AuditFailure(entry: entry.seq, "it names plan version \(entry.planVersion.prefix(12)), which is not among the stored plans")
        }
    }
}
