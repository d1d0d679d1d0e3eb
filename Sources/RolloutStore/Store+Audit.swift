import GRDB
import RolloutCore

extension Store {
    /// Verifies the whole database: plan documents, the hash chain, a replay
    /// of the state machine over every entry, and the stored state against
    /// the replay. Streams the history; returns the first failure found.
    public func verify(expectHead: String? = nil) throws -> Verification {
        try read { db in
            var verifier = AuditVerifier(plans: [:])
            do {
                var plans: [String: Plan] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT version, document FROM plan_versions") {
                    plans[row["version"]] = try Verification.checkPlan(version: row["version"], document: row["document"])
                }
                verifier = AuditVerifier(plans: plans)
                let lookup: (Int64) throws -> Entry? = { seq in try EntryRow.fetchAll(db, where: "seq = ?", arguments: [seq]).first }
                let rows = try Row.fetchCursor(db, sql: "SELECT \(EntryRow.columns) FROM entries ORDER BY seq")
                while let row = try rows.next() {
                    let entry: Entry
                    do {
                        entry = try EntryRow.decode(row)
                    } catch {
                        throw AuditFailure(entry: row["seq"], "it cannot be read: \(error)")
                    }
                    try verifier.feed(entry, lookup: lookup)
                }
                try verifier.finish(lookup: lookup)
                if let difference = try StateTables.firstDifference(db, replayed: verifier.state) {
                    throw AuditFailure(entry: nil, "the current-state tables disagree with the history: \(difference)")
                }
                try Verification.checkHead(expectHead, count: verifier.count, head: verifier.head)
                return Verification(entries: verifier.count, head: verifier.head, failure: nil)
            } catch let failure as AuditFailure {
                return Verification(entries: verifier.count, head: verifier.head, failure: failure)
            }
        }
    }

    /// Streams the export lines (plan versions, entries, head) to `write`.
    public func export(_ write: (String) throws -> Void) throws {
        try read { db in
            for row in try Row.fetchAll(db, sql: "SELECT version, document FROM plan_versions ORDER BY rowid") {
                try write(AuditExport.planLine(version: row["version"], document: row["document"]))
            }
            var head = Head(count: 0, hash: Entry.genesisHash)
            let rows = try Row.fetchCursor(db, sql: "SELECT \(EntryRow.columns) FROM entries ORDER BY seq")
            while let row = try rows.next() {
                let entry = try EntryRow.decode(row)
                try write(AuditExport.entryLine(entry))
                head = Head(count: entry.seq, hash: entry.hash)
            }
            try write(AuditExport.headLine(count: head.count, hash: head.hash))
        }
    }
}
