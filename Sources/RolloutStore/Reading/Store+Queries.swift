import RolloutCore

extension Store {
    /// The number of entries and the head hash.
    package func head() throws -> Head { try read(Head.fetch) }

    /// Registered people, by name (then login).
    package func people() throws -> [Person] {
        try read { db in try StateTables.loadPeople(db).values.sorted { ($0.name, $0.login) < ($1.name, $1.login) } }
    }

    /// The registered person with this login (a primary-key lookup).
    package func person(login: String) throws -> Person? {
        try read { db in
            try db.row("SELECT login, name, role, office_id FROM people WHERE login = ?", [login]).flatMap(StateTables.person)
        }
    }

    /// The registered people whose login or display name is `text`.
    package func people(loginOrName text: String) throws -> [Person] {
        try read { db in
            try db.rows("SELECT login, name, role, office_id FROM people WHERE login = ?1 OR name = ?1 ORDER BY login", [text])
                .compactMap(StateTables.person)
        }
    }

    /// The entries with these sequence numbers, in the order given.
    package func entries(_ seqs: [Int64]) throws -> [Entry] {
        try read { db in
            let count = try Head.fetch(db).count
            return try seqs.map { seq in
                guard let entry = try EntryRow.fetchAll(db, where: "seq = ?", arguments: [seq]).first else {
                    throw StoreError.unknownEntry(seq: seq, count: count)
                }
                return entry
            }
        }
    }

    /// Refused attempts, oldest first.
    package func refusals() throws -> [Entry] {
        try read { db in try EntryRow.fetchAll(db, where: "kind = 'refused'") }
    }

    /// Every entry, oldest first.
    package func allEntries() throws -> [Entry] {
        try read { db in try EntryRow.fetchAll(db) }
    }

    /// One problem and where it belongs.
    package func problem(id: Int64) throws -> ProblemRecord {
        guard let record = try read({ db in try StateTables.loadProblems(db, where: "id = ?", arguments: [id]).first }) else {
            throw StoreError.unknownProblem(id: id)
        }
        return record
    }

    /// Problems, oldest first; only unresolved ones when `openOnly`.
    package func problems(openOnly: Bool) throws -> [ProblemRecord] {
        try read { db in try StateTables.loadProblems(db, where: openOnly ? "resolved_seq IS NULL" : "TRUE") }
    }

    /// The stored current state; only the given batches' tracks (and no people
    /// register, which status views do not need) when `batches` is set.
    package func currentState(batches: [String]? = nil) throws -> RolloutState {
        guard let batches else { return try read(StateTables.loadAll) }
        return try read { db in
            var state = RolloutState()
            for batch in batches {
                state.district.merge(try StateTables.loadDistrict(db, batch: batch)) { $1 }
                state.tracks.merge(try StateTables.loadTracks(db, batch: batch, offices: nil))
            }
            return state
        }
    }

    /// What was not yet done on `date` as known now (effective axis), for the
    /// milestones due before it, read with index range scans rather than loading
    /// every office's track. As of today this is simply what is not done.
    /// With `horizon`, also the milestones due up to that date (reminders of what falls due soon).
    package func outstanding(asOf date: LocalDate, dueThrough horizon: LocalDate? = nil) throws -> Outstanding {
        try read { db in
            var missing: [String: Set<String>] = [:], districtDone = Set<String>(), blocked: [String: Set<String>] = [:]
            let day = date.description
            let officeCount = try db.int("SELECT count(*) FROM offices") ?? 0
            for batch in plan.newBatches {
                for milestone in plan.milestones {
                    guard let due = plan.dueDate(of: milestone, in: batch), due < date || horizon.map({ due <= $0 }) ?? false else { continue }
                    let key = Outstanding.key(batch.id, milestone.id)
                    let arguments: [any SQLBindable] = [batch.id, milestone.id, day]
                    if milestone.scope == .district {
                        let done = try db.int(
                            "SELECT count(*) FROM district_completions WHERE batch_id = ? AND milestone_id = ? AND effective <= ?", arguments)
                        if done ?? 0 > 0 { districtDone.insert(key) }
                        continue
                    }
                    let done =
                        try db.int(
                            "SELECT count(*) FROM office_completions WHERE batch_id = ? AND milestone_id = ? AND effective <= ?", arguments) ?? 0
                    missing[key] =
                        done == officeCount
                        ? []
                        : Set(
                            try db.strings(
                                """
                                SELECT id FROM offices WHERE id NOT IN
                                    (SELECT office_id FROM office_completions WHERE batch_id = ? AND milestone_id = ? AND effective <= ?)
                                """, arguments))
                }
            }
            for row in try db.rows(
                """
                SELECT batch_id, office_id FROM block_changes AS b
                WHERE blocked = 1 AND effective <= ?1 AND entry_seq = (SELECT max(entry_seq) FROM block_changes
                    WHERE batch_id = b.batch_id AND office_id = b.office_id AND effective <= ?1)
                """, [day])
            {
                guard let batch = row.string(0), let office = row.string(1) else { continue }
                blocked[batch, default: []].insert(office)
            }
            return Outstanding(missing: missing, districtDone: districtDone, blocked: blocked)
        }
    }

    /// The state rebuilt from the history alone.
    package func replayedState() throws -> RolloutState {
        Replay.state(of: try allEntries())
    }
}
