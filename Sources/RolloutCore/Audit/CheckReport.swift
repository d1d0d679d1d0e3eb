/// The result of a database check (`rollout check`): the engine's own checks and the audit verification.
package struct CheckReport: Sendable {
    /// SQLite's `integrity_check` messages other than "ok"; PostgreSQL's `amcheck` findings.
    package var integrityProblems: [String]
    /// Rows whose foreign keys point nowhere.
    package var foreignKeyProblems: [String]
    /// What the engine's own checks are called ("SQLite integrity_check", "PostgreSQL amcheck").
    package var integrityCheckName: String
    package var foreignKeyCheckName: String
    package var verification: Verification

    package init(
        integrityProblems: [String], foreignKeyProblems: [String], integrityCheckName: String, foreignKeyCheckName: String,
        verification: Verification
    ) {
        self.integrityProblems = integrityProblems
        self.foreignKeyProblems = foreignKeyProblems
        self.integrityCheckName = integrityCheckName
        self.foreignKeyCheckName = foreignKeyCheckName
        self.verification = verification
    }

    package var passed: Bool { integrityProblems.isEmpty && foreignKeyProblems.isEmpty && verification.passed }
}
