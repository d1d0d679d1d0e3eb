import Foundation
import RolloutCore

extension Store {
    /// Verifies the whole database: plan documents, the hash chain, a replay
    /// of the state machine over every entry, and the stored state against
    /// the replay, and every kept evidence file against its hash. Streams the
    /// history; returns the first failure found.
    ///
    /// Two threads share the work: this one reads rows and checks the chain,
    /// a second one replays the state machine over the entries it is handed.
    package func verify(expectHead: String? = nil) throws -> Verification {
        try read { db in
            var chain = ChainVerifier(planVersions: [])
            do {
                var plans: [String: Plan] = [:]
                for row in try db.rows("SELECT version, document FROM plan_versions") {
                    let version = row.string(0) ?? ""
                    plans[version] = try Verification.checkPlan(version: version, document: row.string(1) ?? "")
                }
                chain = ChainVerifier(planVersions: Set(plans.keys))
                let (replayed, stored) = try replayConcurrently(plans: plans, needed: try correctionTargets(db), db: db, chain: &chain)
                if let failure = replayed.failure { throw failure }
                if stored != replayed.digest, let difference = try StateTables.firstDifference(db, replayed: replayed.state) {
                    throw AuditFailure(entry: nil, "the current-state tables disagree with the history: \(difference)")
                }
                try checkEvidence(db)
                try Verification.checkHead(expectHead, count: chain.count, head: chain.head) { seq in
                    try? db.string("SELECT hash FROM entries WHERE seq = ?", [seq])
                }
                return Verification(entries: chain.count, head: chain.head, failure: nil)
            } catch let failure as AuditFailure {
                // The chain may have been read past an entry the replay thread found bad.
                let checked = failure.entry.map { min(chain.count, $0 - 1) } ?? chain.count
                return Verification(entries: checked, head: chain.head, failure: failure)
            }
        }
    }

    /// Entries that corrections (accepted or refused) name: the replay keeps these to look them up.
    private func correctionTargets(_ db: any SQLExecutor) throws -> Set<Int64> {
        var targets = Set(try db.ints("SELECT target FROM entries WHERE kind = 'correction' AND target IS NOT NULL"))
        // A refused correction lists what it tried to reverse as "3,7,12".
        let attempt = db.dialect.jsonText("detail", "attempt"), listed = db.dialect.jsonText("detail", "targets")
        for list in try db.strings("SELECT \(listed) FROM entries WHERE kind = 'refused' AND \(attempt) = 'correct'") {
            targets.formUnion(list.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) })
        }
        return targets
    }

    /// Reads and chain-checks every entry here while a second thread replays
    /// them, then takes the digest of the stored state tables while the replay
    /// finishes. The content hashes are shared out to balance the two threads:
    /// every third entry is checked on the replay thread just before it is
    /// replayed, the others here. The failure reported is the one of the lowest entry.
    private func replayConcurrently(
        plans: [String: Plan], needed: Set<Int64>, db: any SQLExecutor,
        chain: inout ChainVerifier
    ) throws -> (ReplayOutcome, stored: StateDigest) {
        let pipe = EntryPipe()
        let outcome = ReplayOutcome()
        let replayer = Thread {
            var replay = ReplayVerifier(plans: plans)
            var kept: [Int64: Entry] = [:]
            var scratch: [UInt8] = []
            do {
                while let chunk = pipe.take() {
                    // Entries are borrowed from the chunk, not copied out of it.
                    try chunk.withUnsafeBufferPointer { entries in
                        for index in entries.indices {
                            if entries[index].seq % 3 == 0 { try ChainVerifier.checkContent(entries[index], scratch: &scratch) }
                            try replay.feed(entries[index]) { kept[$0] }
                            if needed.contains(entries[index].seq) { kept[entries[index].seq] = entries[index] }
                        }
                    }
                }
                try replay.finish { kept[$0] }
                outcome.digest = StateDigest(of: replay.state)
            } catch {
                outcome.failure = (error as? AuditFailure) ?? AuditFailure(entry: nil, "the replay stopped: \(error)")
                pipe.cancel()
            }
            outcome.state = replay.state
            outcome.done.signal()
        }
        replayer.stackSize = 16 << 20
        replayer.start()
        var chainFailure: AuditFailure?
        var chunk: [Entry] = []
        chunk.reserveCapacity(2048)
        do {
            var stream = try db.entries(where: "TRUE", [])
            while true {
                let entry: Entry
                do {
                    guard let next = try stream.next() else { break }
                    entry = next
                } catch let unreadable as EntryUnreadable {
                    throw AuditFailure(entry: unreadable.seq, "it cannot be read: its \(unreadable.field) is not what the schema allows")
                }
                try chain.feed(entry, checkingContent: entry.seq % 3 != 0)
                chunk.append(entry)
                if chunk.count == 2048 {
                    guard pipe.put(chunk) else { break }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        } catch let failure as AuditFailure {
            chainFailure = failure
        } catch {
            pipe.close()
            outcome.done.wait()
            throw error
        }
        pipe.put(chunk)
        pipe.close()
        var stored = StateDigest()
        if chainFailure == nil {
            do {
                stored = try StateTables.digest(db)
            } catch {
                outcome.done.wait()
                throw error
            }
        }
        outcome.done.wait()
        if let chainFailure, (chainFailure.entry ?? .max) < (outcome.failure?.entry ?? .max) { outcome.failure = chainFailure }
        return (outcome, stored)
    }

    /// Streams the export lines (plan versions, entries, head) to `write`.
    package func export(_ write: (String) throws -> Void) throws {
        try read { db in
            for row in try db.rows("SELECT version, document FROM plan_versions ORDER BY loaded_at, version") {
                try write(AuditExport.planLine(version: row.string(0) ?? "", document: row.string(1) ?? ""))
            }
            var head = Head(count: 0, hash: Entry.genesisHash)
            try EntryRow.forEach(db) { entry in
                try write(AuditExport.entryLine(entry))
                head = Head(count: entry.seq, hash: entry.hash)
            }
            try write(AuditExport.headLine(count: head.count, hash: head.hash))
        }
    }
}
