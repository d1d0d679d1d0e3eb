/// Checks the hash chain entry by entry: numbering without gaps, each
/// `previous_hash` the hash before, each `hash` matching the content, each
/// plan version known.
package struct ChainVerifier: Sendable {
    /// The plan versions entries may name.
    package let planVersions: Set<String>
    /// Entries checked so far.
    package private(set) var count: Int64 = 0
    /// The hash of the last entry checked.
    package private(set) var head = Entry.genesisHash
    /// Reused for each entry's canonical bytes.
    private var scratch: [UInt8] = []

    package init(planVersions: Set<String>) { self.planVersions = planVersions }

    /// Checks one entry, in stored order. With `checkingContent` false the
    /// caller checks that the hash matches the content (`checkContent`)
    /// elsewhere, e.g. on another thread.
    package mutating func feed(_ entry: Entry, checkingContent: Bool = true) throws(AuditFailure) {
        try checkLinks(entry)
        if checkingContent { try ChainVerifier.checkContent(entry, scratch: &scratch) }
        count = entry.seq
        head = entry.hash
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
