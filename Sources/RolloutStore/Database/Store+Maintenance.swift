import Foundation
import GRDB
import RolloutCore

/// The result of `Store.check`: SQLite's own checks and the audit verification.
package struct CheckReport: Sendable {
    /// `PRAGMA integrity_check` messages other than "ok".
    package var integrityProblems: [String]
    /// `PRAGMA foreign_key_check` violations.
    package var foreignKeyProblems: [String]
    package var verification: Verification

    package var passed: Bool { integrityProblems.isEmpty && foreignKeyProblems.isEmpty && verification.passed }
}

extension Store {
    /// SQLite integrity and foreign-key checks, then the full audit verification
    /// (chain, replay, stored state equals replay).
    package func check() throws -> CheckReport {
        let (integrity, foreignKeys) = try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "\(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) → \(row[2] as String? ?? "?")"
            }
            return (integrity, foreignKeys)
        }
        return CheckReport(integrityProblems: integrity, foreignKeyProblems: foreignKeys, verification: try verify())
    }

    /// A consistent copy of the database taken online (`VACUUM INTO`): writers
    /// may go on meanwhile; the copy holds every transaction committed before it began.
    /// The copy is written beside `destination` as `DESTINATION.partial-PID` and
    /// moved into place when complete (`AtomicFile.build`); an existing file is never replaced.
    package func backup(to destination: String) throws {
        do {
            try AtomicFile.build(destination, tag: "partial", replace: false) { partial in
                try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
            }
        } catch let error as DatabaseError {
            throw Store.translate(error, path: destination)
        }
    }
}
