import RolloutCore

/// The JSON form of a verification (`audit verify --json`, `GET /api/v1/audit/verify`).
package struct VerificationView: Encodable {
    package var source: String
    package var passed: Bool
    package var entries: Int64
    package var head: String
    package var failedEntry: Int64?
    package var failure: String?

    package init(source: String, _ result: Verification) {
        self.source = source
        passed = result.passed
        entries = result.entries
        head = result.head
        failedEntry = result.failure?.entry
        failure = result.failure?.message
    }
}
