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
    /// The copy is written beside `destination` and moved into place when complete.
    package func backup(to destination: String) throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw StoreError.databaseExists(path: destination)
        }
        let partial = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: partial)
            throw Store.translate(error, path: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw StoreError.readOnly(path: destination)
        }
    }
}
