import RolloutCore

extension Store {
    /// Entries matching `filter`, oldest first.
    package func history(_ filter: HistoryFilter) throws -> [Entry] {
        var entries: [Entry] = []
        try eachEntry(filter) { entries.append($0) }
        return entries
    }

    /// Hands the entries matching `filter` to `body` one at a time, oldest
    /// first, holding none of them (a national history has a million).
    package func eachEntry(_ filter: HistoryFilter, _ body: (Entry) throws -> Void) throws {
        var clauses: [String] = []
        var arguments: [any SQLBindable] = []
        func add(_ clause: String, _ value: (any SQLBindable)?) {
            guard let value else { return }
            clauses.append(clause)
            arguments.append(value)
        }
        add("office_id = ?", filter.office)
        add("batch_id = ?", filter.batch)
        add("milestone_id = ?", filter.milestone)
        add("actor = ?", filter.actor)
        add("kind = ?", filter.kind?.rawValue)
        add("effective >= ?", filter.effectiveFrom?.description)
        add("effective <= ?", filter.effectiveTo?.description)
        add("recorded_at >= ?", filter.recordedFrom)
        add("recorded_at <= ?", filter.recordedTo)
        add("seq <= ?", filter.through)
        let condition = clauses.isEmpty ? "TRUE" : clauses.joined(separator: " AND ")
        let selection = filter.limit.map { "seq IN (SELECT seq FROM entries WHERE \(condition) ORDER BY seq DESC LIMIT \(max(0, $0)))" } ?? condition
        try read { db in
            try EntryRow.forEach(db, where: selection, arguments: arguments, body)
        }
    }

    /// The state on a date as we know it now (effective axis): every entry in
    /// effect on or before `date`, leaving out entries since reversed. Only the
    /// given batches' tracks, and no people register, when `batches` is set.
    ///
    /// Read from the current-state tables: the rules allow at most one entry in
    /// effect per milestone and track, block changes only stack in entry order
    /// and corrections remove exactly what they reverse, so the rows effective
    /// by `date` are exactly the unreversed entries effective by then (a test
    /// checks this against a fold of the history).
    package func state(asOf date: LocalDate, batches: [String]? = nil) throws -> RolloutState {
        try read { db in
            var state = RolloutState()
            if batches == nil { state.people = try StateTables.loadPeople(db) }
            let selected: [String?] = batches?.map(Optional.some) ?? [nil]
            for batch in selected {
                state.district.merge(try StateTables.loadDistrict(db, batch: batch, effectiveBy: date)) { $1 }
                state.tracks.merge(try StateTables.loadTracks(db, batch: batch, offices: nil, effectiveBy: date))
            }
            return state
        }
    }

    /// What the database knew at a moment (recorded axis): the state after
    /// every entry recorded at or before `time` (UTC ISO 8601).
    package func state(knownAt time: String) throws -> RolloutState {
        try read { db in
            var state = RolloutState()
            try EntryRow.forEach(db, where: "recorded_at <= ?", arguments: [time]) { state.apply($0) }
            return state
        }
    }
}
