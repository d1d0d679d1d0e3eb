import RolloutCore

/// The human form of a check report.
enum CheckRendering {
    static func text(_ report: CheckReport) -> String {
        func line(_ ok: Bool, _ name: String, _ problems: [String]) -> String {
            (ok ? "ok      " : "FAILED  ") + name
                + (problems.isEmpty ? "" : ":\n" + problems.prefix(10).map { "        " + $0 }.joined(separator: "\n"))
        }
        return [
            line(report.integrityProblems.isEmpty, report.integrityCheckName, report.integrityProblems),
            line(report.foreignKeyProblems.isEmpty, report.foreignKeyCheckName, report.foreignKeyProblems),
            line(
                report.verification.passed, "audit chain and state-machine replay (\(report.verification.entries) entries)",
                report.verification.failure.map { [$0.description] } ?? []),
            "head    \(report.verification.head)",
            report.passed ? "All checks passed." : "CHECK FAILED",
        ].joined(separator: "\n")
    }
}
