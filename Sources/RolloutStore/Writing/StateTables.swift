import GRDB
import RolloutCore

/// Reads and writes the current-state tables (`people`, `district_completions`,
/// `office_completions`, `block_changes`, `problems`), which mirror `RolloutState`.
enum StateTables {
    // MARK: Reading

    /// The people register by login; with `logins`, only those people and every
    /// coordinator (all the rules read), not the 40,000 office staff of a national register.
    static func loadPeople(_ db: Database, logins: Set<String>? = nil) throws -> [String: Person] {
        var people: [String: Person] = [:]
        let rows =
            try logins.map { logins in
                try Row.fetchAll(
                    db,
                    sql: "SELECT login, name, role, office_id FROM people WHERE role = 'coordinator' OR login IN (SELECT value FROM json_each(?))",
                    arguments: [CanonicalJSON.array(logins.sorted().map(CanonicalJSON.string)).text])
            } ?? Row.fetchAll(db, sql: "SELECT login, name, role, office_id FROM people")
        for row in rows {
            let login: String = row["login"]
            guard let role = Role(rawValue: row["role"] ?? "") else { continue }
            people[login] = Person(login: login, name: row["name"], role: role, office: row["office_id"])
        }
        return people
    }

    /// District-wide completions of `batch` (every batch when nil), only those
    /// effective on or before `effectiveBy` when given.
    static func loadDistrict(_ db: Database, batch: String?, effectiveBy: LocalDate? = nil) throws -> [String: [String: Completion]] {
        var result: [String: [String: Completion]] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT batch_id, milestone_id, entry_seq, effective FROM district_completions
                WHERE (?1 IS NULL OR batch_id = ?1) AND (?2 IS NULL OR effective <= ?2)
                """, arguments: [batch, effectiveBy?.description])
        for row in rows {
            guard let date = LocalDate(row["effective"] ?? "") else { continue }
            result[row["batch_id"], default: [:]][row["milestone_id"]] = Completion(entry: row["entry_seq"], effective: date)
        }
        return result
    }

    /// Tracks of `batch` (every batch when nil), for `offices` only when given;
    /// with `effectiveBy`, only what was in effect on that date: completions,
    /// block changes and problems effective by then, and resolutions made by then.
    static func loadTracks(_ db: Database, batch: String?, offices: Set<String>?, effectiveBy: LocalDate? = nil) throws -> TrackTable {
        var tracks = TrackTable()
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let batch {
            clauses.append("batch_id = ?")
            arguments += [batch]
        }
        if let offices {
            clauses.append("office_id IN (SELECT value FROM json_each(?))")
            arguments += [CanonicalJSON.array(offices.sorted().map(CanonicalJSON.string)).text]
        }
        func filter(dateColumn: String) -> (String, StatementArguments) {
            guard let effectiveBy else { return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments) }
            return ((clauses + ["\(dateColumn) <= ?"]).joined(separator: " AND "), arguments + [effectiveBy.description])
        }
        // Rows come in primary-key order, so each track's completions are gathered before one dictionary insert.
        let (completionFilter, completionArguments) = filter(dateColumn: "effective")
        // Read raw: a national batch has 240,000 completions.
        let statement = try db.makeStatement(
            sql: """
                SELECT batch_id, office_id, milestone_id, entry_seq, effective FROM office_completions
                WHERE \(completionFilter) ORDER BY batch_id, office_id, milestone_id
                """)
        let completions = try Row.fetchCursor(statement, arguments: completionArguments)
        var batch = "", office = "", started = false
        var current = MilestoneCompletions()
        func flush() {
            if started, !current.isEmpty { tracks.update(TrackKey(batch: batch, office: office)) { [current] in $0.completions = current } }
            current = MilestoneCompletions()
        }
        while try completions.next() != nil {
            let row = RawRow(statement)
            guard let date = row.bytes(4).flatMap(LocalDate.init(utf8:)) else { continue }
            if !started || !row.holds(0, &batch) || !row.holds(1, &office) {
                flush()
                batch = row.text(0) ?? ""
                office = row.text(1) ?? ""
                started = true
            }
            current[row.text(2) ?? ""] = Completion(entry: row.int64(3), effective: date)
        }
        flush()
        let (blockFilter, blockArguments) = filter(dateColumn: "effective")
        for row in try Row.fetchAll(
            db, sql: "SELECT entry_seq, batch_id, office_id, blocked, effective, reason FROM block_changes WHERE \(blockFilter) ORDER BY entry_seq",
            arguments: blockArguments)
        {
            guard let effective = LocalDate(row[4] ?? "") else { continue }
            let change = BlockChange(entry: row[0], blocked: row[3], effective: effective, reason: row[5] ?? "")
            tracks.update(TrackKey(batch: row[1], office: row[2])) { $0.blockChanges.append(change) }
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
    static func loadProblems(_ db: Database, where clause: String, arguments: StatementArguments = []) throws -> [ProblemRecord] {
        try Row.fetchAll(
            db, sql: "SELECT id, batch_id, office_id, opened, note, resolved_seq, resolved, resolution FROM problems WHERE \(clause) ORDER BY id",
            arguments: arguments
        ).compactMap { row in
            guard let opened = LocalDate(row[3] ?? "") else { return nil }
            var resolution: Resolution?
            if let seq: Int64 = row[5], let date = LocalDate(row[6] ?? "") {
                resolution = Resolution(entry: seq, effective: date, note: row[7] ?? "")
            }
            return ProblemRecord(
                batch: row[1], office: row[2], problem: Problem(id: row[0], opened: opened, note: row[4] ?? "", resolution: resolution))
        }
    }

    /// The whole stored state.
    static func loadAll(_ db: Database) throws -> RolloutState {
        var state = RolloutState()
        state.people = try loadPeople(db)
        state.district = try loadDistrict(db, batch: nil)
        state.tracks = try loadTracks(db, batch: nil, offices: nil)
        return state
    }

    /// The digest of every stored state row, streamed: nothing is held but the sums.
    static func digest(_ db: Database) throws -> StateDigest {
        var digest = StateDigest()
        func date(_ text: String?) -> LocalDate? {
            guard let date = text.flatMap(LocalDate.init) else { digest.markUnreadable(); return nil }
            return date
        }
        let people = try Row.fetchCursor(db, sql: "SELECT login, name, role, office_id FROM people")
        while let row = try people.next() {
            guard let role = Role(rawValue: row[2] ?? "") else { digest.markUnreadable(); continue }
            digest.addPerson(Person(login: row[0], name: row[1], role: role, office: row[3]))
        }
        let district = try Row.fetchCursor(db, sql: "SELECT batch_id, milestone_id, entry_seq, effective FROM district_completions")
        while let row = try district.next() {
            guard let effective = date(row[3]) else { continue }
            digest.addDistrictCompletion(batch: row[0], milestone: row[1], Completion(entry: row[2], effective: effective))
        }
        // Read raw, like `loadTracks`: a national database has 1.2 million completions.
        let statement = try db.makeStatement(sql: "SELECT batch_id, office_id, milestone_id, entry_seq, effective FROM office_completions")
        let completions = try Row.fetchCursor(statement)
        while try completions.next() != nil {
            let row = RawRow(statement)
            guard let effective = row.bytes(4).flatMap(LocalDate.init(utf8:)) else { digest.markUnreadable(); continue }
            digest.addOfficeCompletion(
                batch: row.text(0) ?? "", office: row.text(1) ?? "", milestone: row.text(2) ?? "",
                Completion(entry: row.int64(3), effective: effective))
        }
        let blockChanges = try Row.fetchCursor(db, sql: "SELECT entry_seq, batch_id, office_id, blocked, effective, reason FROM block_changes")
        while let row = try blockChanges.next() {
            guard let effective = date(row[4]) else { continue }
            digest.addBlockChange(batch: row[1], office: row[2], BlockChange(entry: row[0], blocked: row[3], effective: effective, reason: row[5]))
        }
        let problems = try Row.fetchCursor(db, sql: "SELECT id, batch_id, office_id, opened, note, resolved_seq, resolved, resolution FROM problems")
        while let row = try problems.next() {
            guard let opened = date(row[3]) else { continue }
            var resolution: Resolution?
            if let seq: Int64 = row[5] {
                guard let resolved = date(row[6]) else { continue }
                resolution = Resolution(entry: seq, effective: resolved, note: row[7] ?? "")
            }
            digest.addProblem(batch: row[1], office: row[2], Problem(id: row[0], opened: opened, note: row[4], resolution: resolution))
        }
        return digest
    }

    /// Compares the stored state with a replayed one batch by batch, so only
    /// one batch of stored rows is in memory at a time.
    static func firstDifference(_ db: Database, replayed: RolloutState) throws -> String? {
        var people = RolloutState(), replayedPeople = RolloutState()
        people.people = try loadPeople(db)
        replayedPeople.people = replayed.people
        if let difference = StateDifference.first(stored: people, replayed: replayedPeople) { return difference }
        for batch in try String.fetchAll(db, sql: "SELECT id FROM batches ORDER BY number") {
            var stored = RolloutState(), expected = RolloutState()
            stored.district = try loadDistrict(db, batch: batch)
            stored.tracks = try loadTracks(db, batch: batch, offices: nil)
            expected.district = replayed.district.filter { $0.key == batch }
            expected.tracks = replayed.tracks.only(batch: batch)
            if let difference = StateDifference.first(stored: stored, replayed: expected) { return difference }
        }
        let knownBatches = Set(try String.fetchAll(db, sql: "SELECT id FROM batches"))
        if let stray = replayed.tracks.batches.first(where: { !knownBatches.contains($0) }) {
            return "the history has entries for batch \(stray), which the database does not know"
        }
        return nil
    }

    // MARK: Writing

    /// Appends entries and applies each one's effect to the state tables, the
    /// same fold as `RolloutState.apply`, with statements prepared once per transaction.
    struct Writer {
        private let insertEntry: Statement
        private let upsertOfficeCompletion: Statement
        private let upsertDistrictCompletion: Statement
        private let insertBlockChange: Statement
        private let insertProblem: Statement
        private let resolveProblem: Statement
        private let upsertPerson: Statement
        private let db: Database

        init(_ db: Database) throws {
            self.db = db
            insertEntry = try db.cachedStatement(sql: "INSERT INTO entries (\(EntryRow.columns)) VALUES (\(EntryRow.placeholders))")
            upsertOfficeCompletion = try db.cachedStatement(
                sql: """
                    INSERT INTO office_completions (batch_id, office_id, milestone_id, entry_seq, effective) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (batch_id, office_id, milestone_id) DO UPDATE SET entry_seq = excluded.entry_seq, effective = excluded.effective
                    """)
            upsertDistrictCompletion = try db.cachedStatement(
                sql: """
                    INSERT INTO district_completions (batch_id, milestone_id, entry_seq, effective) VALUES (?, ?, ?, ?)
                    ON CONFLICT (batch_id, milestone_id) DO UPDATE SET entry_seq = excluded.entry_seq, effective = excluded.effective
                    """)
            insertBlockChange = try db.cachedStatement(
                sql: "INSERT INTO block_changes (entry_seq, batch_id, office_id, blocked, effective, reason) VALUES (?, ?, ?, ?, ?, ?)")
            insertProblem = try db.cachedStatement(sql: "INSERT INTO problems (id, batch_id, office_id, opened, note) VALUES (?, ?, ?, ?, ?)")
            resolveProblem = try db.cachedStatement(sql: "UPDATE problems SET resolved_seq = ?, resolved = ?, resolution = ? WHERE id = ?")
            upsertPerson = try db.cachedStatement(
                sql:
                    "INSERT INTO people (login, name, role, office_id) VALUES (?, ?, ?, ?) ON CONFLICT(login) DO UPDATE SET name = excluded.name, role = excluded.role, office_id = excluded.office_id"
            )
        }

        func insert(_ entry: Entry) throws {
            try insertEntry.execute(arguments: EntryRow.arguments(entry))
        }

        /// Applies an appended entry's effect to the state tables.
        func apply(_ entry: Entry) throws {
            let effective = entry.effective.description
            switch entry.kind {
            case .milestone:
                if let office = entry.office {
                    try upsertOfficeCompletion.execute(arguments: [entry.batch, office, entry.milestone, entry.seq, effective])
                } else {
                    try upsertDistrictCompletion.execute(arguments: [entry.batch, entry.milestone, entry.seq, effective])
                }
            case .blocked, .unblocked:
                try insertBlockChange.execute(arguments: [entry.seq, entry.batch, entry.office, entry.kind == .blocked, effective, entry.note])
            case .problemOpened:
                try insertProblem.execute(arguments: [entry.seq, entry.batch, entry.office, effective, entry.note])
            case .problemResolved:
                try resolveProblem.execute(arguments: [entry.seq, effective, entry.note, entry.target])
            case .personAdded:
                try upsertPerson.execute(arguments: [entry.detail.personLogin, entry.detail.name, entry.detail.role, entry.office])
            case .personRemoved:
                try db.execute(sql: "DELETE FROM people WHERE login = ?", arguments: [entry.detail.personLogin])
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
                        sql: "DELETE FROM office_completions WHERE batch_id = ? AND office_id = ? AND milestone_id = ? AND entry_seq = ?",
                        arguments: [correction.batch, correction.office, correction.milestone, target])
                } else {
                    try db.execute(
                        sql: "DELETE FROM district_completions WHERE batch_id = ? AND milestone_id = ? AND entry_seq = ?",
                        arguments: [correction.batch, correction.milestone, target])
                }
            case .blocked, .unblocked:
                try db.execute(sql: "DELETE FROM block_changes WHERE entry_seq = ?", arguments: [target])
            case .problemOpened:
                try db.execute(sql: "DELETE FROM problems WHERE id = ?", arguments: [target])
            case .problemResolved:
                try db.execute(
                    sql: "UPDATE problems SET resolved_seq = NULL, resolved = NULL, resolution = NULL WHERE id = ? AND resolved_seq = ?",
                    arguments: [correction.detail.reopenedProblem, target])
            case .correction, .personAdded, .personRemoved, .refused:
                return
            }
        }
    }
}
