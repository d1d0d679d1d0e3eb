import GRDB
import RolloutCore

/// Reads and writes the current-state tables (`people`, `district_completions`,
/// `office_completions`, `block_changes`, `problems`), which mirror `RolloutState`.
enum StateTables {
    // MARK: Reading

    static func loadPeople(_ db: Database) throws -> [String: Person] {
        var people: [String: Person] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, role, office_id FROM people") {
            let name: String = row["name"]
            guard let role = Role(rawValue: row["role"] ?? "") else { continue }
            people[name] = Person(name: name, role: role, office: row["office_id"])
        }
        return people
    }

    static func loadDistrict(_ db: Database, batch: String?) throws -> [String: [String: Completion]] {
        var result: [String: [String: Completion]] = [:]
        let rows = try Row.fetchAll(db, sql: "SELECT batch_id, milestone_id, entry_seq, effective FROM district_completions WHERE ?1 IS NULL OR batch_id = ?1",
                                    arguments: [batch])
        for row in rows {
            guard let date = LocalDate(row["effective"] ?? "") else { continue }
            result[row["batch_id"], default: [:]][row["milestone_id"]] = Completion(entry: row["entry_seq"], effective: date)
        }
        return result
    }

    /// Tracks of `batch` (every batch when nil), for `offices` only when given.
    static func loadTracks(_ db: Database, batch: String?, offices: Set<String>?) throws -> [TrackKey: Track] {
        var tracks: [TrackKey: Track] = [:]
        let filter: String
        var arguments: StatementArguments = [batch]
        if let offices {
            filter = "(?1 IS NULL OR batch_id = ?1) AND office_id IN (SELECT value FROM json_each(?2))"
            arguments += [CanonicalJSON.array(offices.sorted().map(CanonicalJSON.string)).text]
        } else {
            filter = "(?1 IS NULL OR batch_id = ?1)"
        }
        for row in try Row.fetchAll(db, sql: "SELECT batch_id, office_id, milestone_id, entry_seq, effective FROM office_completions WHERE \(filter)", arguments: arguments) {
            guard let date = LocalDate(row["effective"] ?? "") else { continue }
            let key = TrackKey(batch: row["batch_id"], office: row["office_id"])
            tracks[key, default: Track()].completions[row["milestone_id"]] = Completion(entry: row["entry_seq"], effective: date)
        }
        for row in try Row.fetchAll(db, sql: "SELECT entry_seq, batch_id, office_id, blocked, effective, reason FROM block_changes WHERE \(filter) ORDER BY entry_seq", arguments: arguments) {
            guard let effective = LocalDate(row["effective"] ?? "") else { continue }
            let key = TrackKey(batch: row["batch_id"], office: row["office_id"])
            tracks[key, default: Track()].blockChanges.append(
                BlockChange(entry: row["entry_seq"], blocked: row["blocked"], effective: effective, reason: row["reason"] ?? ""))
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, batch_id, office_id, opened, note, resolved_seq, resolved, resolution FROM problems WHERE \(filter)", arguments: arguments) {
            guard let opened = LocalDate(row["opened"] ?? "") else { continue }
            let key = TrackKey(batch: row["batch_id"], office: row["office_id"])
            var resolution: Resolution?
            if let seq: Int64 = row["resolved_seq"], let date = LocalDate(row["resolved"] ?? "") {
                resolution = Resolution(entry: seq, effective: date, note: row["resolution"] ?? "")
            }
            let id: Int64 = row["id"]
            tracks[key, default: Track()].problems[id] = Problem(id: id, opened: opened, note: row["note"] ?? "", resolution: resolution)
        }
        return tracks
    }

    /// The whole stored state.
    static func loadAll(_ db: Database) throws -> RolloutState {
        var state = RolloutState()
        state.people = try loadPeople(db)
        state.district = try loadDistrict(db, batch: nil)
        state.tracks = try loadTracks(db, batch: nil, offices: nil)
        return state
    }

    // MARK: Writing

    static func writePeople(_ people: [String: Person], _ db: Database) throws {
        let names = CanonicalJSON.array(people.keys.sorted().map(CanonicalJSON.string)).text
        try db.execute(sql: "DELETE FROM people WHERE name NOT IN (SELECT value FROM json_each(?))", arguments: [names])
        for person in people.values {
            try db.execute(sql: "INSERT INTO people (name, role, office_id) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET role = excluded.role, office_id = excluded.office_id",
                           arguments: [person.name, person.role.rawValue, person.office])
        }
    }

    static func writeDistrict(batch: String, _ completions: [String: Completion], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM district_completions WHERE batch_id = ?", arguments: [batch])
        for (milestone, completion) in completions {
            try db.execute(sql: "INSERT INTO district_completions (batch_id, milestone_id, entry_seq, effective) VALUES (?, ?, ?, ?)",
                           arguments: [batch, milestone, completion.entry, completion.effective.description])
        }
    }

    static func writeTrack(_ key: TrackKey, _ track: Track, _ db: Database) throws {
        let arguments: StatementArguments = [key.batch, key.office]
        try db.execute(sql: "DELETE FROM office_completions WHERE batch_id = ? AND office_id = ?", arguments: arguments)
        try db.execute(sql: "DELETE FROM block_changes WHERE batch_id = ? AND office_id = ?", arguments: arguments)
        try db.execute(sql: "DELETE FROM problems WHERE batch_id = ? AND office_id = ?", arguments: arguments)
        for (milestone, completion) in track.completions {
            try db.execute(sql: "INSERT INTO office_completions (batch_id, office_id, milestone_id, entry_seq, effective) VALUES (?, ?, ?, ?, ?)",
                           arguments: [key.batch, key.office, milestone, completion.entry, completion.effective.description])
        }
        for change in track.blockChanges {
            try db.execute(sql: "INSERT INTO block_changes (entry_seq, batch_id, office_id, blocked, effective, reason) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [change.entry, key.batch, key.office, change.blocked, change.effective.description, change.reason])
        }
        for problem in track.problems.values {
            try db.execute(sql: "INSERT INTO problems (id, batch_id, office_id, opened, note, resolved_seq, resolved, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [problem.id, key.batch, key.office, problem.opened.description, problem.note,
                                       problem.resolution?.entry, problem.resolution?.effective.description, problem.resolution?.note])
        }
    }
}
