/// Replays the state machine over a history whose chain is checked elsewhere:
/// every accepted entry must have been legal when made (re-decided by the engine
/// against the state at that point, with exactly the recorded fields), every
/// refused one must be refused again for the same reason.
package struct ReplayVerifier {
    /// Plan versions by hash.
    package let plans: [String: Plan]
    /// The state replayed so far.
    package private(set) var state = RolloutState()

    /// Corrections written by one command, decided together.
    private var pendingCorrections: [Entry] = []
    /// The last recording time converted to a date, and its result: entries of one command share it.
    private var lastToday: (recordedAt: String, timeZone: String, day: LocalDate)?

    /// One engine per plan version, made once.
    private let engines: [String: Engine]

    package init(plans: [String: Plan]) {
        self.plans = plans
        engines = plans.mapValues(Engine.init)
    }

    /// Decides a pending group of corrections unless `entry` continues it.
    package mutating func settle(before entry: Entry, lookup: (Int64) throws -> Entry?) throws(AuditFailure) {
        if let first = pendingCorrections.first, !(entry.kind == .correction && entry.bulk != nil && entry.bulk == first.bulk) {
            try flushCorrections(lookup: lookup)
        }
    }

    /// Checks one entry. `lookup` returns an earlier entry by number (for corrections).
    package mutating func feed(_ entry: Entry, lookup: (Int64) throws -> Entry?) throws(AuditFailure) {
        try settle(before: entry, lookup: lookup)
        if entry.kind == .correction {
            pendingCorrections.append(entry)
        } else {
            try checkLegality(entry, lookup: lookup)
            state.apply(entry)
        }
    }

    /// Checks what is still pending at the end of the history.
    package mutating func finish(lookup: (Int64) throws -> Entry?) throws(AuditFailure) {
        try flushCorrections(lookup: lookup)
    }

    // MARK: Legality

    private mutating func today(of entry: Entry, plan: Plan) throws(AuditFailure) -> LocalDate {
        if let last = lastToday, last.recordedAt == entry.recordedAt, last.timeZone == plan.timeZone { return last.day }
        guard let instant = Timestamp(iso8601: entry.recordedAt) else {
            throw AuditFailure(entry: entry.seq, "its recorded_at \"\(entry.recordedAt)\" is not an ISO 8601 time")
        }
        guard let day = ZoneTime.date(at: instant, in: plan.timeZone) else {
            throw AuditFailure(entry: entry.seq, "its plan's time zone \"\(plan.timeZone)\" is unknown to this system")
        }
        lastToday = (entry.recordedAt, plan.timeZone, day)
        return day
    }

    private func actor(of entry: Entry) throws(AuditFailure) -> Person {
        guard (entry.actorLogin == nil) == (entry.auth == nil), entry.auth.map({ Authentication(rawValue: $0) != nil }) ?? true else {
            throw AuditFailure(
                entry: entry.seq,
                "its actor_login and auth must be both present, with auth one of \(Authentication.allCases.map(\.rawValue).joined(separator: ", ")), or both absent"
            )
        }
        if entry.kind == .refused, entry.detail.reason == Refusal.Reason.notRegistered.rawValue, state.people[entry.login] == nil {
            return Person(login: entry.login, name: entry.actor, role: entry.actorRole, office: nil)
        }
        guard let person = state.people[entry.login] else {
            throw AuditFailure(entry: entry.seq, "its actor \(entry.login) was not registered at that point")
        }
        guard person.role == entry.actorRole else {
            throw AuditFailure(
                entry: entry.seq, "its actor \(entry.login) is recorded as \(entry.actorRole.rawValue) but was registered as \(person.role.rawValue)")
        }
        guard person.name == entry.actor else {
            throw AuditFailure(
                entry: entry.seq, "its actor \(entry.login) is recorded under the name \(entry.actor) but was registered as \(person.name)")
        }
        return person
    }

    private mutating func checkLegality(_ entry: Entry, lookup: (Int64) throws -> Entry?) throws(AuditFailure) {
        guard let engine = engines[entry.planVersion] else { return }
        if entry.kind == .personAdded && state.people.isEmpty {
            guard entry.seq == 1, entry.actor == entry.detail.name, entry.login == entry.detail.personLogin, entry.detail.personRole == .coordinator
            else {
                throw AuditFailure(entry: entry.seq, "only the first entry may register the first coordinator, by themselves")
            }
            return
        }
        let person = try actor(of: entry)
        let today = try today(of: entry, plan: engine.plan)
        let action = try reconstruct(entry, lookup: lookup)
        let decision: Engine.Decision
        do {
            decision = try engine.decide(action, by: person, in: state, today: today)
        } catch {
            throw AuditFailure(entry: entry.seq, "it records input the rules reject outright: \(error.message)")
        }
        switch (entry.kind, decision) {
        case (.refused, .refused(let refusal, _)):
            guard refusal.reason.rawValue == entry.detail.reason else {
                throw AuditFailure(
                    entry: entry.seq, "it records a refusal for \(entry.detail.reason ?? "?"), but replay refuses it for \(refusal.reason.rawValue)")
            }
        case (.refused, .accepted):
            throw AuditFailure(
                entry: entry.seq, "it records a refused attempt (\(entry.detail.action ?? "?")) that the rules would have allowed at that point")
        case (_, .refused(let refusal, _)):
            throw AuditFailure(
                entry: entry.seq, "it records \(entry.kind.rawValue) \(entry.milestone ?? "") that the rules refuse at that point: \(refusal.message)"
            )
        case (_, .accepted(let drafts)):
            guard drafts.count == 1, drafts[0].isDraft(of: entry) else {
                throw AuditFailure(entry: entry.seq, "its fields differ from what the action it records would write")
            }
        }
    }

    private mutating func flushCorrections(lookup: (Int64) throws -> Entry?) throws(AuditFailure) {
        guard let first = pendingCorrections.first else { return }
        let group = pendingCorrections
        pendingCorrections = []
        guard let plan = plans[first.planVersion], let engine = engines[first.planVersion] else { return }
        let person = try actor(of: first)
        let targets = try group.map { correction throws(AuditFailure) -> Entry in
            try target(correction.target, of: correction, lookup: lookup)
        }
        let action = Action.correct(targets: targets, effective: first.effective, reason: first.note)
        let today = try today(of: first, plan: plan)
        let decision: Engine.Decision
        do {
            decision = try engine.decide(action, by: person, in: state, today: today)
        } catch {
            throw AuditFailure(entry: first.seq, "it records a correction the rules reject outright: \(error.message)")
        }
        switch decision {
        case .refused(let refusal, _):
            throw AuditFailure(entry: first.seq, "it records a correction the rules refuse at that point: \(refusal.message)")
        case .accepted(let drafts):
            guard drafts == group.map(EntryDraft.init) else {
                throw AuditFailure(entry: first.seq, "its fields differ from what the correction it records would write")
            }
        }
        for correction in group { state.apply(correction) }
    }

    private func target(_ seq: Int64?, of entry: Entry, lookup: (Int64) throws -> Entry?) throws(AuditFailure) -> Entry {
        guard let seq, seq < entry.seq, let target = try? lookup(seq) else {
            throw AuditFailure(entry: entry.seq, "it names entry #\(seq.map(String.init) ?? "?"), which does not precede it")
        }
        return target
    }

    /// The action an entry records.
    private func reconstruct(_ entry: Entry, lookup: (Int64) throws -> Entry?) throws(AuditFailure) -> Action {
        let attempt = entry.kind == .refused ? entry.detail.attempt ?? "" : entry.kind.rawValue
        let batch = entry.batch ?? "", office = entry.office ?? ""
        switch attempt {
        case "milestone", "record":
            return .record(
                milestone: entry.milestone ?? "", batch: batch, office: entry.office, effective: entry.effective, note: entry.note,
                evidence: entry.evidence, source: entry.detail.importSource)
        case "problem_opened", "open_problem":
            return .openProblem(batch: batch, office: office, effective: entry.effective, note: entry.note, evidence: entry.evidence)
        case "problem_resolved", "resolve_problem":
            return .resolveProblem(
                problem: entry.target ?? 0, batch: batch, office: office, effective: entry.effective, note: entry.note, evidence: entry.evidence)
        case "blocked", "block":
            return .block(batch: batch, office: office, effective: entry.effective, reason: entry.note)
        case "unblocked", "unblock":
            return .unblock(batch: batch, office: office, effective: entry.effective, reason: entry.note)
        case "person_added", "add_person":
            guard let name = entry.detail.name, let role = entry.detail.personRole else {
                throw AuditFailure(entry: entry.seq, "it registers a person without a valid name and role")
            }
            return .addPerson(name: name, role: role, office: entry.office, login: entry.detail.login)
        case "person_removed", "remove_person":
            return .removePerson(login: entry.detail.personLogin ?? "", reason: entry.note)
        case "correct":
            let seqs = entry.detail.targetEntries
            let targets = try seqs.map { seq throws(AuditFailure) -> Entry in try target(seq, of: entry, lookup: lookup) }
            return .correct(targets: targets, effective: entry.effective, reason: entry.note)
        default:
            throw AuditFailure(entry: entry.seq, "it records an unknown kind of attempt \"\(attempt)\"")
        }
    }
}
