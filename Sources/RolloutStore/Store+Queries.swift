import GRDB
import RolloutCore

/// A problem with the track it belongs to.
public struct ProblemRecord: Equatable, Sendable {
    public var batch: String
    public var office: String
    public var problem: Problem
}

extension Store {
    /// The number of entries and the head hash.
    public func head() throws -> Head { try read(Head.fetch) }

    /// Registered people, by name.
    public func people() throws -> [Person] {
        try read { db in try StateTables.loadPeople(db).values.sorted { $0.name < $1.name } }
    }

    /// The entries with these sequence numbers, in the order given.
    public func entries(_ seqs: [Int64]) throws -> [Entry] {
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
    public func refusals() throws -> [Entry] {
        try read { db in try EntryRow.fetchAll(db, where: "kind = 'refused'") }
    }

    /// Every entry, oldest first.
    public func allEntries() throws -> [Entry] {
        try read { db in try EntryRow.fetchAll(db) }
    }

    /// One problem and where it belongs.
    public func problem(id: Int64) throws -> ProblemRecord {
        guard let record = try problems(openOnly: false).first(where: { $0.problem.id == id }) else {
            throw StoreError.unknownProblem(id: id)
        }
        return record
    }

    /// Problems, oldest first; only unresolved ones when `openOnly`.
    public func problems(openOnly: Bool) throws -> [ProblemRecord] {
        try read { db in
            try StateTables.loadTracks(db, batch: nil, offices: nil)
                .flatMap { key, track in track.problems.values.map { ProblemRecord(batch: key.batch, office: key.office, problem: $0) } }
                .filter { !openOnly || $0.problem.resolution == nil }
                .sorted { $0.problem.id < $1.problem.id }
        }
    }

    /// The stored current state; only the given batches' tracks when `batches` is set (people are always complete).
    public func currentState(batches: [String]? = nil) throws -> RolloutState {
        guard let batches else { return try read(StateTables.loadAll) }
        return try read { db in
            var state = RolloutState()
            state.people = try StateTables.loadPeople(db)
            for batch in batches {
                state.district.merge(try StateTables.loadDistrict(db, batch: batch)) { $1 }
                state.tracks.merge(try StateTables.loadTracks(db, batch: batch, offices: nil)) { $1 }
            }
            return state
        }
    }

    /// The state rebuilt from the history alone.
    public func replayedState() throws -> RolloutState {
        Replay.state(of: try allEntries())
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
    }
}
