/// The result of verifying a history: how far it checked, the head, and the first failure.
package struct Verification: Equatable, Sendable {
    package var entries: Int64
    package var head: String
    package var failure: AuditFailure?

    package init(entries: Int64, head: String, failure: AuditFailure?) {
        self.entries = entries
        self.head = head
        self.failure = failure
    }

    package var passed: Bool { failure == nil }

    /// A head noted down earlier: `HASH` (a prefix of the head now) or
    /// `N:HASH` (a prefix of entry N's hash: a head witnessed when the history
    /// had N entries, such as a reminder posted to a work group, checked after
    /// the history has grown). Nil when `text` is neither.
    package static func notedHead(_ text: String) -> (seq: Int64?, prefix: String)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let hash = String(parts.last ?? "").lowercased()
        guard (1...2).contains(parts.count), hash.count >= 6, hash.count <= 64, hash.allSatisfy(\.isHexDigit) else { return nil }
        guard parts.count == 2 else { return (nil, hash) }
        guard parts[0].allSatisfy(\.isASCII), let seq = Int64(parts[0]), seq >= 1 else { return nil }
        return (seq, hash)
    }

    /// Checks a head noted down earlier (`notedHead`): a shorter or rewritten
    /// history fails. `hashOf` gives an entry's hash by number, for `N:HASH`.
    package static func checkHead(_ expected: String?, count: Int64, head: String, hashOf: (Int64) -> String?) throws(AuditFailure) {
        guard let expected else { return }
        guard let (seq, wanted) = notedHead(expected) else {
            throw AuditFailure(entry: nil, "the expected head \(expected.prefix(80)) is not HASH or N:HASH")
        }
        if let seq {
            guard seq <= count else {
                throw AuditFailure(
                    entry: nil,
                    "the history has \(count) entries, fewer than the \(seq) noted with head \(wanted.prefix(16)): it was truncated or rewritten since that head was noted"
                )
            }
            let hash = hashOf(seq) ?? ""
            guard hash.hasPrefix(wanted) else {
                throw AuditFailure(
                    entry: seq,
                    "its hash is \(hash.prefix(16)), not the \(wanted.prefix(16)) noted when it was the head: the history up to it was rewritten since that head was noted"
                )
            }
            return
        }
        guard head.hasPrefix(wanted) else {
            throw AuditFailure(
                entry: nil,
                "the head is \(head.prefix(16)) after \(count) entries, not the expected \(wanted.prefix(16)): the history was rewritten or truncated since that head was noted"
            )
        }
    }

    /// Checks that a stored plan document hashes to its version and can be read.
    package static func checkPlan(version: String, document: String) throws(AuditFailure) -> Plan {
        guard SHA256Hex.digest(document) == version else {
            throw AuditFailure(
                entry: nil, "plan version \(version.prefix(12)): its document does not hash to its version; the stored plan was changed")
        }
        guard let plan = try? PlanDocument.decode(document) else {
            throw AuditFailure(entry: nil, "plan version \(version.prefix(12)): its document cannot be read as a plan")
        }
        return plan
    }
}
