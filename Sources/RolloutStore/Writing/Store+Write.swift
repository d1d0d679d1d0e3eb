import RolloutCore

extension Store {
    /// One action and the registered person (by login) who takes it; its own
    /// idempotency key when each action of a write has one (an import: file and row).
    package struct Request: Sendable {
        package var actor: String
        package var action: Action
        package var idempotencyKey: String?

        package init(actor: String, action: Action, idempotencyKey: String? = nil) {
            self.actor = actor
            self.action = action
            self.idempotencyKey = idempotencyKey
        }
    }

    /// Decides and records `actions` in order, as one transaction, on behalf of
    /// the registered person `actorName`, at a scripted moment (the demo, the
    /// scale generator, tests); a moment earlier than the last entry is refused.
    ///
    /// Accepted actions append their entries and update the current state;
    /// refused ones append a refused-attempt entry. When more than one entry is
    /// written, all share a bulk id. Throws (writing nothing) for unknown people,
    /// invalid actions, a stale `expect`, or an idempotency key reused for another action.
    package func perform(_ actions: [Action], as actorName: String, at moment: Moment, options: WriteOptions = WriteOptions()) throws -> [Outcome] {
        try perform(actions.map { Request(actor: actorName, action: $0) }, at: moment, options: options)
    }

    /// Like `perform(_:as:at:options:)`, each action with its own actor (an import of
    /// many people's reports at once, or the scale generator), still one transaction.
    package func perform(_ requests: [Request], at moment: Moment, options: WriteOptions = WriteOptions()) throws -> [Outcome] {
        try write(options: options) { head, db in
            try checkClockNotBehind(moment, head: head, db: db)
            return moment
        } requests: { _ in
            requests
        }
    }

    /// The one write path of every front end: the recording time is read from
    /// `clock` once the write lock is held, so concurrent writers (threads,
    /// processes, servers on one PostgreSQL database) record in the order they
    /// commit and never see a clock behind the last entry. `requests` builds the
    /// actions for that moment (an effective date defaults to its day) and may
    /// throw a bad-input error, writing nothing.
    package func perform(
        recordingBy clock: some WallClock, options: WriteOptions = WriteOptions(), _ requests: (Moment) throws -> [Request]
    ) throws -> [Outcome] {
        try write(options: options, moment: { head, db in try recordingMoment(clock.now(), head: head, db: db) }, requests: requests)
    }

    private func write(
        options: WriteOptions, moment: (Head, any SQLExecutor) throws -> Moment, requests: (Moment) throws -> [Request]
    ) throws -> [Outcome] {
        try engine.write(appendsToHistory: true, commit: !options.dryRun) { db in
            let head = try Head.fetch(db)
            if let expect = options.expect { try head.check(expect) }
            let moment = try moment(head, db)
            return try perform(try requests(moment), head: head, at: moment, options: options, db: db)
        }
    }

    private func perform(_ requests: [Request], head: Head, at moment: Moment, options: WriteOptions, db: any SQLExecutor) throws -> [Outcome] {
        var state = try loadState(for: requests, db: db)
        var actors: [String: Person] = [:]
        for login in Set(requests.map(\.actor)) {
            guard let person = try state.people[login] ?? removedPerson(login, db: db) else {
                throw StoreError.unknownPerson(name: login, known: try StateTables.loadPeople(db).keys.sorted())
            }
            actors[login] = person
        }
        let engine = Engine(plan: plan)
        let writesMany =
            requests.count > 1 || requests.contains { if case .correct(let targets, _, _) = $0.action { targets.count > 1 } else { false } }
        let bulk = writesMany ? "bulk-\(head.count + 1)" : nil
        var seq = head.count
        var previousHash = head.hash
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(requests.count)
        let writer = StateTables.Writer(db)

        func append(_ draft: EntryDraft, by actor: Person, key: String?) throws -> Entry {
            seq += 1
            let entry = draft.sealed(
                seq: seq, recordedAt: moment.recordedAt, planVersion: planVersion, previousHash: previousHash, bulk: bulk,
                idempotencyKey: key, identity: Identity(login: actor.login, authentication: options.authentication))
            try writer.insert(entry)
            previousHash = entry.hash
            return entry
        }

        for request in requests {
            let action = request.action
            let key = request.idempotencyKey ?? options.idempotencyKey.map { requests.count > 1 ? "\($0)/\(action.scope.office ?? "district")" : $0 }
            if let key, let existing = try EntryRow.fetchAll(db, where: "idempotency_key = ?", arguments: [key]).first {
                guard action.describes(existing) else { throw StoreError.idempotencyConflict(key: key, existing: existing.seq) }
                outcomes.append(Outcome(action: action, result: .duplicate(existing)))
                continue
            }
            let actor = actors[request.actor] ?? Person(name: request.actor, role: .auditor, office: nil)
            let decision: Engine.Decision
            do {
                decision = try engine.decide(action, by: actor, in: state, today: moment.today)
            } catch {
                throw StoreError.invalid(error)
            }
            switch decision {
            case .accepted(let drafts):
                var written: [Entry] = []
                for (index, draft) in drafts.enumerated() {
                    let entry = try append(draft, by: actor, key: index == 0 ? key : nil)
                    written.append(entry)
                    try writer.apply(entry)
                    state.apply(entry)
                }
                outcomes.append(Outcome(action: action, result: .recorded(written)))
            case .refused(let refusal, let draft):
                let entry = try append(draft, by: actor, key: nil)
                outcomes.append(Outcome(action: action, result: .refused(refusal, entry: entry)))
            }
        }
        // Refused attempts name their evidence too: the files are kept either way.
        try keep(options.evidence, at: moment, db: db)
        return outcomes
    }

    /// How far a clock may lag behind the last entry and still record, at the
    /// last entry's time: the skew between servers writing to one PostgreSQL
    /// database, or a clock stepped back a little. Further behind is a clock to fix.
    static let clockSkewTolerance: Int64 = 300

    /// The moment a write is recorded at, from a clock read with the write lock
    /// held: never earlier than the last entry's recording time. A clock behind
    /// it by at most `clockSkewTolerance` records at the last entry's time;
    /// further behind is refused, writing nothing.
    private func recordingMoment(_ now: Timestamp, head: Head, db: any SQLExecutor) throws -> Moment {
        var recorded = now
        if let last = try lastRecordedAt(head: head, db: db), let then = Timestamp(iso8601: last), now < then {
            guard then.seconds - now.seconds <= Self.clockSkewTolerance else {
                throw StoreError.clockBehind(now: now.iso8601, head: last, seq: head.count)
            }
            recorded = then
        }
        guard let today = ZoneTime.date(at: recorded, in: plan.timeZone) else {
            throw StoreError.invalid(InvalidAction("the plan's time zone \"\(plan.timeZone)\" is unknown to this system"))
        }
        return Moment(recordedAt: recorded.iso8601, today: today)
    }

    private func lastRecordedAt(head: Head, db: any SQLExecutor) throws -> String? {
        guard head.count > 0 else { return nil }
        return try db.string("SELECT recorded_at FROM entries WHERE seq = ?", [head.count])
    }

    /// The recording time never decreases along the chain: a scripted moment
    /// earlier than the last entry's `recorded_at` is refused before anything is written.
    private func checkClockNotBehind(_ moment: Moment, head: Head, db: any SQLExecutor) throws {
        guard let last = try lastRecordedAt(head: head, db: db) else { return }
        let behind: Bool
        if let now = Timestamp(iso8601: moment.recordedAt), let then = Timestamp(iso8601: last) {
            behind = now < then
        } else {
            behind = moment.recordedAt < last
        }
        if behind { throw StoreError.clockBehind(now: moment.recordedAt, head: last, seq: head.count) }
    }

    /// A person taken off the register: their attempts are refused and recorded, not treated as unknown input.
    private func removedPerson(_ login: String, db: any SQLExecutor) throws -> Person? {
        let dialect = db.dialect
        guard
            let row = try db.row(
                """
                SELECT office_id, \(dialect.jsonText("detail", "name")), \(dialect.jsonText("detail", "role")) FROM entries
                WHERE kind = 'person_removed' AND coalesce(\(dialect.jsonText("detail", "login")), \(dialect.jsonText("detail", "name"))) = ?
                ORDER BY seq DESC LIMIT 1
                """, [login]),
            let role = row.string(2).flatMap(Role.init(rawValue:))
        else { return nil }
        return Person(login: login, name: row.string(1) ?? login, role: role, office: row.string(0))
    }

    /// Loads the part of the state the requests can read: the people they name
    /// and every coordinator, and the tracks of the offices they touch.
    private func loadState(for requests: [Request], db: any SQLExecutor) throws -> RolloutState {
        var state = RolloutState()
        var logins = Set(requests.map(\.actor))
        for request in requests {
            switch request.action {
            case .addPerson(let name, _, _, let login): logins.insert(login ?? name)
            case .removePerson(let login, _): logins.insert(login)
            default: break
            }
        }
        state.people = try StateTables.loadPeople(db, logins: logins)
        var batches = Set<String>(), offices = Set<String>(), wholeBatch = false
        for action in requests.map(\.action) {
            if case .correct(let targets, _, _) = action {
                for target in targets {
                    if let batch = target.batch { batches.insert(batch) }
                    if let office = target.office { offices.insert(office) } else { wholeBatch = true }
                }
            } else {
                if let batch = action.scope.batch { batches.insert(batch) }
                if let office = action.scope.office { offices.insert(office) }
            }
        }
        for batch in batches {
            state.district.merge(try StateTables.loadDistrict(db, batch: batch)) { $1 }
            state.tracks.merge(try StateTables.loadTracks(db, batch: batch, offices: wholeBatch ? nil : offices))
        }
        return state
    }
}

extension Action {
    /// Whether an existing entry records this very action (for idempotent resubmission).
    func describes(_ entry: Entry) -> Bool {
        switch self {
        case .record(let milestone, let batch, let office, _, _, _, _):
            entry.kind == .milestone && entry.milestone == milestone && entry.batch == batch && entry.office == office
        case .openProblem(let batch, let office, _, _, _):
            entry.kind == .problemOpened && entry.batch == batch && entry.office == office
        case .resolveProblem(let problem, _, _, _, _, _):
            entry.kind == .problemResolved && entry.target == problem
        case .block(let batch, let office, _, _):
            entry.kind == .blocked && entry.batch == batch && entry.office == office
        case .unblock(let batch, let office, _, _):
            entry.kind == .unblocked && entry.batch == batch && entry.office == office
        case .correct(let targets, _, _):
            entry.kind == .correction && entry.target == targets.first?.seq
        case .addPerson(let name, _, _, let login):
            entry.kind == .personAdded && entry.detail.personLogin == (login ?? name)
        case .removePerson(let login, _):
            entry.kind == .personRemoved && entry.detail.personLogin == login
        }
    }
}
