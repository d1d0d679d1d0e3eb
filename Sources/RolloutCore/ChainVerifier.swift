/// Checks the hash chain entry by entry: numbering without gaps, each
/// `previous_hash` the hash before, each `hash` matching the content, each
/// plan version known.
public struct ChainVerifier: Sendable {
    /// The plan versions entries may name.
    public let planVersions: Set<String>
    /// Entries checked so far.
    public private(set) var count: Int64 = 0
    /// The hash of the last entry checked.
    public private(set) var head = Entry.genesisHash
    /// Reused for each entry's canonical bytes.
    private var scratch: [UInt8] = []
    /// The last entry's recording time, as written and as an instant.
    private var lastRecorded: (text: String, time: Timestamp)?

    public init(planVersions: Set<String>) { self.planVersions = planVersions }

    /// Checks one entry, in stored order. With `checkingContent` false the
    /// caller checks that the hash matches the content (`checkContent`)
    /// elsewhere, e.g. on another thread.
    public mutating func feed(_ entry: Entry, checkingContent: Bool = true) throws(AuditFailure) {
        try checkLinks(entry)
        if checkingContent { try ChainVerifier.checkContent(entry, scratch: &scratch) }
        try checkRecordingTime(entry)
        count = entry.seq
        head = entry.hash
    }

    /// Checks that an entry's hash matches its content; `scratch` is reused for the canonical bytes.
    public static func checkContent(_ entry: Entry, scratch: inout [UInt8]) throws(AuditFailure) {
        guard entry.hashMatchesContent(scratch: &scratch) else {
            throw AuditFailure(entry: entry.seq, "its hash does not match its content: a field of this entry was changed after it was written")
        }
    }

    /// An entry is never recorded before the entry it follows (entries of one command share a time).
    private mutating func checkRecordingTime(_ entry: Entry) throws(AuditFailure) {
        if let lastRecorded, lastRecorded.text == entry.recordedAt { return }
        guard let time = Timestamp(iso8601: entry.recordedAt) else {
            throw AuditFailure(entry: entry.seq, "its recorded_at \"\(entry.recordedAt)\" is not an ISO 8601 time")
        }
        if let lastRecorded, time < lastRecorded.time {
            throw AuditFailure(entry: entry.seq, "recorded at \(entry.recordedAt), before entry #\(entry.seq - 1) (\(lastRecorded.text)): the recording time went backwards")
        }
        lastRecorded = (entry.recordedAt, time)
    }

    /// Numbering, the link to the entry before, and the plan version.
    private func checkLinks(_ entry: Entry) throws(AuditFailure) {
        guard entry.seq == count + 1 else {
            throw AuditFailure(entry: entry.seq, entry.seq <= count
                ? "it comes after entry #\(count): entries are out of order or duplicated"
                : "entry #\(count + 1) is missing: entries were deleted or the history was cut")
        }
        guard entry.previousHash == head else {
            throw AuditFailure(entry: entry.seq, "its previous_hash \(entry.previousHash.prefix(12)) is not the hash of entry #\(count) (\(head.prefix(12))): an earlier entry was changed, removed, swapped or inserted")
        }
        guard planVersions.contains(entry.planVersion) else {
            throw AuditFailure(entry: entry.seq, "it names plan version \(entry.planVersion.prefix(12)), which is not among the stored plans")
        }
    }
}
