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

    /// Checks a head noted down earlier: a shorter or rewritten history fails.
    package static func checkHead(_ expected: String?, count: Int64, head: String) throws(AuditFailure) {
        guard let expected else { return }
        let wanted = expected.lowercased()
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
