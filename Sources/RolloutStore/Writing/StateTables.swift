import RolloutCore

/// Reads and writes the current-state tables (`people`, `district_completions`,
/// `office_completions`, `block_changes`, `problems`), which mirror `RolloutState`.
enum StateTables {
    // MARK: Reading

    /// The people register by login; with `logins`, only those people and every
    /// coordinator (all the rules read), not the 40,000 office staff of a national register.
    static func loadPeople(_ db: any SQLExecutor, logins: Set<String>? = nil) throws -> [String: Person] {
        var people: [String: Person] = [:]
        let rows =
            try logins.map { logins in
                // A union, not `OR`: PostgreSQL scans the whole register for an `OR` across two indexes.
                try db.rows(
                    """
                    SELECT login, name, role, office_id FROM people WHERE role = 'coordinator'
                    UNION SELECT login, name, role, office_id FROM people WHERE \(db.dialect.member("login"))
                    """, [CanonicalJSON.array(logins.sorted().map(CanonicalJSON.string)).text])
            } ?? db.rows("SELECT login, name, role, office_id FROM people")
        for row in rows {
            guard let person = person(row) else { continue }
            people[person.login] = person
        }
        return people
    }

    /// A `people` row (login, name, role, office_id); nil for a role no person can have.
    static func person(_ row: any SQLRow) -> Person? {
        guard let login = row.string(0), let role = row.string(2).flatMap(Role.init(rawValue:)) else { return nil }
        return Person(login: login, name: row.string(1) ?? login, role: role, office: row.string(3))
    }

    /// District-wide completions of `batch` (every batch when nil), only those
    /// effective on or before `effectiveBy` when given.
    static func loadDistrict(_ db: any SQLExecutor, batch: String?, effectiveBy: LocalDate? = nil) throws -> [String: [String: Completion]] {
        var result: [String: [String: Completion]] = [:]
        let rows = try db.rows(
            """
            SELECT batch_id, milestone_id, entry_seq, effective FROM district_completions
            WHERE (batch_id = ?1 OR ?1 IS NULL) AND (effective <= ?2 OR ?2 IS NULL)
            """, [batch, effectiveBy?.description])
        for row in rows {
            guard let date = row.date(3), let batch = row.string(0), let milestone = row.string(1) else { continue }
            result[batch, default: [:]][milestone] = Completion(entry: row.int(2) ?? 0, effective: date)
        }
        return result
    }

    /// Tracks of `batch` (every batch when nil), for `offices` only when given;
    /// with `effectiveBy`, only what was in effect on that date: completions,
    /// block changes and problems effective by then, and resolutions made by then.
    static func loadTracks(_ db: any SQLExecutor, batch: String?, offices: Set<String>?, effectiveBy: LocalDate? = nil) throws -> TrackTable {
        var tracks = TrackTable()
        var clauses: [String] = []
        var arguments: [any SQLBindable] = []
        if let batch {
            clauses.append("batch_id = ?")
            arguments.append(batch)
        }
        if let offices {
            clauses.append(db.dialect.member("office_id"))
            arguments.append(CanonicalJSON.array(offices.sorted().map(CanonicalJSON.string)).text)
        }
        func filter(dateColumn: String) -> (String, [any SQLBindable]) {
            guard let effectiveBy else { return (clauses.isEmpty ? "TRUE" : clauses.joined(separator: " AND "), arguments) }
            return ((clauses + ["\(dateColumn) <= ?"]).joined(separator: " AND "), arguments + [effectiveBy.description])
        }
        // Rows come in primary-key order, so each track's completions are gathered before one dictionary insert.
        let (completionFilter, completionArguments) = filter(dateColumn: "effective")
        var batch = "", office = "", started = false
        var current = MilestoneCompletions()
        func flush() {
            if started, !current.isEmpty { tracks.update(TrackKey(batch: batch, office: office)) { [current] in $0.completions = current } }
            current = MilestoneCompletions()
        }
        // Streamed: a national batch has 240,000 completions.
        try db.forEachRow(
            """
            SELECT batch_id, office_id, milestone_id, entry_seq, effective FROM office_completions
            WHERE \(completionFilter) ORDER BY batch_id, office_id, milestone_id
            """, completionArguments
        ) { row in
            guard let date = row.date(4) else { return }
            if !started || !row.holds(0, batch) || !row.holds(1, office) {
                flush()
                batch = row.string(0) ?? ""
                office = row.string(1) ?? ""
                started = true
            }
            current[row.string(2) ?? ""] = Completion(entry: row.int(3) ?? 0, effective: date)
        }
        flush()
        let (blockFilter, blockArguments) = filter(dateColumn: "effective")
        for row in try db.rows(
            "SELECT entry_seq, batch_id, office_id, blocked, effective, reason FROM block_changes WHERE \(blockFilter) ORDER BY entry_seq",
            blockArguments)
        {
            guard let effective = row.date(4), let batch = row.string(1), let office = row.string(2) else { continue }
            let change = BlockChange(entry: row.int(0) ?? 0, blocked: row.bool(3) ?? false, effective: effective, reason: row.string(5) ?? "")
            tracks.update(TrackKey(batch: batch, office: office)) { $0.blockChanges.append(change) }
        }
        let (problemFilter, problemArguments) = filter(dateColumn: "opened")
        for record in try loadProblems(db, where: problemFilter, arguments: problemArguments) {
            var problem = record.problem
            if let effectiveBy, let resolution = problem.resolution, resolution.effective > effectiveBy { problem.resolution = nil }
            tracks.update(TrackKey(batch: record.batch, office: record.office)) { [problem] in $0.problems[problem.id] = problem }
        }
        return tracks
    }

    /// Rows of the `problems` table matching `clause`, oldest first.
    static func loadProblems(_ db: any SQLExecutor, where clause: String, arguments: [any SQLBindable] = []) throws -> [ProblemRecord] {
        try db.rows(
            "SELECT id, batch_id, office_id, opened, note, resolved_seq, resolved, resolution FROM problems WHERE \(clause) ORDER BY id", arguments
        ).compactMap(problemRecord)
    }

    /// A `problems` row (id, batch_id, office_id, opened, note, resolved_seq, resolved, resolution).
    private static func problemRecord(_ row: any SQLRow) -> ProblemRecord? {
        guard let opened = row.date(3), let id = row.int(0), let batch = row.string(1), let office = row.string(2) else { return nil }
        var resolution: Resolution?
        if let seq = row.int(5), let date = row.date(6) {
            resolution = Resolution(entry: seq, effective: date, note: row.string(7) ?? "")
        }
        return ProblemRecord(
            batch: batch, office: office, problem: Problem(id: id, opened: opened, note: row.string(4) ?? "", resolution: resolution))
    }

    /// The whole stored state.
    static func loadAll(_ db: any SQLExecutor) throws -> RolloutState {
        var state = RolloutState()
        state.people = try loadPeople(db)
        state.district = try loadDistrict(db, batch: nil)
        state.tracks = try loadTracks(db, batch: nil, offices: nil)
        return state
    }

    /// The digest of every stored state row, streamed: nothing is held but the sums.
    static func digest(_ db: any SQLExecutor) throws -> StateDigest {
        var digest = StateDigest()
        func date(_ row: any SQLRow, _ column: Int) -> LocalDate? {
            guard let date = row.date(column) else { digest.markUnreadable(); return nil }
            return date
        }
        try db.forEachRow("SELECT login, name, role, office_id FROM people", []) { row in
            guard let person = person(row) else { digest.markUnreadable(); return }
            digest.addPerson(person)
        }
        try db.forEachRow("SELECT batch_id, milestone_id, entry_seq, effective FROM district_completions", []) { row in
            guard let effective = date(row, 3) else { return }
            digest.addDistrictCompletion(
                batch: row.string(0) ?? "", milestone: row.string(1) ?? "", Completion(entry: row.int(2) ?? 0, effective: effective))
        }
        // Streamed, like `loadTracks`: a national database has 1.2 million completions.
        try db.forEachRow("SELECT batch_id, office_id, milestone_id, entry_seq, effective FROM office_completions", []) { row in
            guard let effective = date(row, 4) else { return }
            digest.addOfficeCompletion(
                batch: row.string(0) ?? "", office: row.string(1) ?? "", milestone: row.string(2) ?? "",
                Completion(entry: row.int(3) ?? 0, effective: effective))
        }
        try db.forEachRow("SELECT entry_seq, batch_id, office_id, blocked, effective, reason FROM block_changes", []) { row in
            guard let effective = date(row, 4) else { return }
            digest.addBlockChange(
                batch: row.string(1) ?? "", office: row.string(2) ?? "",
                BlockChange(entry: row.int(0) ?? 0, blocked: row.bool(3) ?? false, effective: effective, reason: row.string(5) ?? ""))
        }
        try db.forEachRow("SELECT id, batch_id, office_id, opened, note, resolved_seq, resolved, resolution FROM problems", []) { row in
            guard date(row, 3) != nil else { return }
            if !row.isNull(5), date(row, 6) == nil { return }
            guard let record = problemRecord(row) else { digest.markUnreadable(); return }
            digest.addProblem(batch: record.batch, office: record.office, record.problem)
        }
        return digest
    }

    /// Compares the stored state with a replayed one batch by batch, so only
    /// one batch of stored rows is in memory at a time.
    static func firstDifference(_ db: any SQLExecutor, replayed: RolloutState) throws -> String? {
        var people = RolloutState(), replayedPeople = RolloutState()
        people.people = try loadPeople(db)
        replayedPeople.people = replayed.people
        if let difference = StateDifference.first(stored: people, replayed: replayedPeople) { return difference }
        for batch in try db.strings("SELECT id FROM batches ORDER BY number") {
            var stored = RolloutState(), expected = RolloutState()
            stored.district = try loadDistrict(db, batch: batch)
            stored.tracks = try loadTracks(db, batch: batch, offices: nil)
            expected.district = replayed.district.filter { $0.key == batch }
            expected.tracks = replayed.tracks.only(batch: batch)
            if let difference = StateDifference.first(stored: stored, replayed: expected) { return difference }
        }
        let knownBatches = Set(try db.strings("SELECT id FROM batches"))
        if let stray = replayed.tracks.batches.first(where: { !knownBatches.contains($0) }) {
            return "the history has entries for batch \(stray), which the database does not know"
        }
        return nil
    }

    // MARK: Writing

    /// Appends entries and applies each one's effect to the state tables, the
    /// same fold as `RolloutState.apply`.
    struct Writer {
        let db: any SQLExecutor

        init(_ db: any SQLExecutor) { self.db = db }

        func insert(_ entry: Entry) throws {
            try db.execute("INSERT INTO entries (\(EntryRow.columns)) VALUES (\(EntryRow.placeholders))", EntryRow.arguments(entry))
        }

        /// Applies an appended entry's effect to the state tables.
        func apply(_ entry: Entry) throws {
            let effective = entry.effective.description
            switch entry.kind {
            case .milestone:
                if let office = entry.office {
                    try db.execute(
                        """
                        INSERT INTO office_completions (batch_id, office_id, milestone_id, entry_seq, effective) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (batch_id, office_id, milestone_id) DO UPDATE SET entry_seq = excluded.entry_seq, effective = excluded.effective
                        """, [entry.batch, office, entry.milestone, entry.seq, effective])
                } else {
                    try db.execute(
                        """
                        INSERT INTO district_completions (batch_id, milestone_id, entry_seq, effective) VALUES (?, ?, ?, ?)
                        ON CONFLICT (batch_id, milestone_id) DO UPDATE SET entry_seq = excluded.entry_seq, effective = excluded.effective
                        """, [entry.batch, entry.milestone, entry.seq, effective])
                }
            case .blocked, .unblocked:
                try db.execute(
                    "INSERT INTO block_changes (entry_seq, batch_id, office_id, blocked, effective, reason) VALUES (?, ?, ?, ?, ?, ?)",
                    [entry.seq, entry.batch, entry.office, entry.kind == .blocked, effective, entry.note])
            case .problemOpened:
                try db.execute(
                    "INSERT INTO problems (id, batch_id, office_id, opened, note) VALUES (?, ?, ?, ?, ?)",
                    [entry.seq, entry.batch, entry.office, effective, entry.note])
            case .problemResolved:
                try db.execute(
                    "UPDATE problems SET resolved_seq = ?, resolved = ?, resolution = ? WHERE id = ?",
                    [entry.seq, effective, entry.note, entry.target])
            case .personAdded:
                try db.execute(
                    """
                    INSERT INTO people (login, name, role, office_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT (login) DO UPDATE SET name = excluded.name, role = excluded.role, office_id = excluded.office_id
                    """, [entry.detail.personLogin, entry.detail.name, entry.detail.role, entry.office])
            case .personRemoved:
                try db.execute("DELETE FROM people WHERE login = ?", [entry.detail.personLogin])
            case .correction:
                try reverse(entry)
            case .refused:
                return
            }
        }

        /// Removes the effect of the entry a correction reverses.
        private func reverse(_ correction: Entry) throws {
            guard let target = correction.target, let kind = correction.detail.reversedKind else { return }
            switch kind {
            case .milestone:
                if correction.office != nil {
                    try db.execute(
                        "DELETE FROM office_completions WHERE batch_id = ? AND office_id = ? AND milestone_id = ? AND entry_seq = ?",
                        [correction.batch, correction.office, correction.milestone, target])
                } else {
                    try db.execute(
                        "DELETE FROM district_completions WHERE batch_id = ? AND milestone_id = ? AND entry_seq = ?",
                        [correction.batch, correction.milestone, target])
                }
            case .blocked, .unblocked:
                try db.execute("DELETE FROM block_changes WHERE entry_seq = ?", [target])
            case .problemOpened:
                try db.execute("DELETE FROM problems WHERE id = ?", [target])
            case .problemResolved:
                try db.execute(
                    "UPDATE problems SET resolved_seq = NULL, resolved = NULL, resolution = NULL WHERE id = ? AND resolved_seq = ?",
                    [correction.detail.reopenedProblem, target])
            case .correction, .personAdded, .personRemoved, .refused:
                return
            }
        }
    }
}
