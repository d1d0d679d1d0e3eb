import RolloutCore
import RolloutStore

/// The JSON form of `check`: the engine's own checks, the audit chain and the replay.
package struct CheckView: Encodable {
    package var passed: Bool
    package var integrity: [String]
    package var foreignKeys: [String]
    package var entries: Int64
    package var head: String
    package var audit: String?

    package init(_ report: CheckReport) {
        passed = report.passed
        integrity = report.integrityProblems
        foreignKeys = report.foreignKeyProblems
        entries = report.verification.entries
        head = report.verification.head
        audit = report.verification.failure?.description
    }
}
