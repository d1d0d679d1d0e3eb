import Foundation

/// The guards of the state machine, one function per action. Each returns the
/// entries to append or throws the first unmet condition as a `Refusal`
/// (or `InvalidAction` for input that names nothing real).
struct Rules {
    let engine: Engine
    let state: RolloutState
    let actor: Person
    let today: LocalDate

    /// The engine's plan.
    var plan: Plan { engine.plan }

    func check(_ action: Action) throws -> [EntryDraft] {
        guard state.people[actor.login] != nil else {
            throw Refusal(.notRegistered, "\(actor.name) is no longer on the register and may not act")
        }
        switch action {
        case .record(let milestone, let batch, let office, let effective, let note, let evidence, let source):
            return [
                try record(milestone: milestone, batch: batch, office: office, effective: effective, note: note, evidence: evidence, source: source)
            ]
        case .openProblem(let batch, let office, let effective, let note, let evidence):
            return [try openProblem(batch: batch, office: office, effective: effective, note: note, evidence: evidence)]
        case .resolveProblem(let problem, let batch, let office, let effective, let note, let evidence):
            return [try resolveProblem(problem, batch: batch, office: office, effective: effective, note: note, evidence: evidence)]
        case .block(let batch, let office, let effective, let reason):
            return [try block(batch: batch, office: office, effective: effective, reason: reason)]
        case .unblock(let batch, let office, let effective, let reason):
            return [try unblock(batch: batch, office: office, effective: effective, reason: reason)]
        case .correct(let targets, let effective, let reason):
            return try correct(targets, effective: effective, reason: reason)
        case .addPerson(let name, let role, let office, let login):
            return [try addPerson(Person(login: login ?? name, name: name, role: role, office: office))]
        case .removePerson(let login, let reason):
            return [try removePerson(login: login, reason: reason)]
        }
    }

    // MARK: - Names in messages

    func officeName(_ id: String) -> String {
        plan.officeLabel(id)
    }

    func milestoneName(_ id: String) -> String {
        plan.milestone(id).map { "\($0.id) (\($0.label))" } ?? id
    }

    private var actorDescription: String {
        switch actor.role {
        case .office: "\(actor.name) is office staff of \(actor.office.map(officeName) ?? "no office")"
        case .coordinator: "\(actor.name) is a coordinator"
        case .auditor: "\(actor.name) is an auditor"
        }
    }

    // MARK: - Shared guards

    private func newBatch(_ id: String) throws -> Batch {
        guard let batch = plan.batch(id: id) else {
            throw InvalidAction("unknown batch \"\(id)\"; expected one of \(plan.batches.map(\.id).joined(separator: ", "))")
        }
        guard !batch.alreadyLive else {
            throw InvalidAction("batch \(batch.id) (\(batch.label)) is already live everywhere; it has no milestones, problems or blocks to record")
        }
        return batch
    }

    private func knownOffice(_ id: String) throws {
        guard plan.position(ofOffice: id) != nil else { throw InvalidAction("unknown office \"\(id)\"") }
    }

    func requireNonEmpty(_ text: String, _ what: String) throws {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InvalidAction("\(what) is empty; expected a few words saying why")
        }
    }

    /// Refuses unless the actor has one of `roles` and, for office staff, belongs to `office`.
    func requireRole(_ roles: [Role], toDo what: String, office: String?) throws {
        try requireRole(where: roles.contains, roles, toDo: what, office: office)
    }

    /// `requireRole` for one role, without building a list on the hot path.
    func requireRole(_ role: Role, toDo what: String, office: String?) throws {
        try requireRole(where: { $0 == role }, [role], toDo: what, office: office)
    }

    private func requireRole(where allowed: (Role) -> Bool, _ roles: @autoclosure () -> [Role], toDo what: String, office: String?) throws {
        guard allowed(actor.role) else {
            let roles = roles()
            let who = roles.map { role -> String in
                switch role {
                case .coordinator: "a coordinator"
                case .office: office.map { "office staff of \(officeName($0))" } ?? "office staff"
                case .auditor: "an auditor"
                }
            }.joined(separator: " or ")
            throw Refusal(.wrongRole, "only \(who) may \(what); \(actorDescription)")
        }
        if actor.role == .office, let office, actor.office != office {
            throw Refusal(
                .wrongOffice,
                "\(actor.name) is office staff of \(actor.office.map(officeName) ?? "no office") and may not act for \(officeName(office))")
        }
    }

    private func requireNotBlocked(_ track: Track, batch: Batch, office: String) throws {
        if let block = track.block {
            throw Refusal(
                .blocked,
                "the rollout of \(batch.id) at \(officeName(office)) is blocked since \(block.effective) (\(block.reason)); a coordinator must unblock it first"
            )
        }
    }

    // MARK: - Actions

    private func record(
        milestone id: String, batch batchID: String, office: String?, effective: LocalDate,
        note: String, evidence: [Evidence], source: ImportSource?
    ) throws -> EntryDraft {
        let batch = try newBatch(batchID)
        guard let milestone = plan.milestone(id) else {
            throw InvalidAction("unknown milestone \"\(id)\"; expected one of \(plan.milestones.map(\.id).joined(separator: ", "))")
        }
        switch (milestone.scope, office) {
        case (.district, .some):
            throw InvalidAction("\(milestone.id) is recorded once for the whole district; do not name an office")
        case (.office, .none):
            throw InvalidAction("\(milestone.id) is recorded per office; name the office")
        default: break
        }
        if let office { try knownOffice(office) }
        // A coordinator importing a sheet transcribes what the office reported; anyone else records their own work.
        if source == nil || actor.role != .coordinator {
            try requireRole(milestone.recordedBy, toDo: "record \(milestone.id)", office: office)
        }

        let done: Completion?
        let track = office.map { state.track(batch: batch.id, office: $0) }
        if let office, let track {
            try requireNotBlocked(track, batch: batch, office: office)
            done = track.completions[milestone.id]
        } else {
            done = state.district[batch.id]?[milestone.id]
        }
        if let done {
            let whereText = office.map { " for \(officeName($0))" } ?? " district-wide"
            throw Refusal(
                .alreadyDone,
                "\(milestone.id) is already recorded\(whereText) in \(batch.id) (entry #\(done.entry), effective \(done.effective)); correct that entry to change it"
            )
        }
        var missing: [String] = []
        for prerequisiteID in milestone.requires {
            guard let prerequisite = plan.milestone(prerequisiteID) else { continue }
            let completion =
                prerequisite.scope == .district
                ? state.district[batch.id]?[prerequisiteID]
                : track?.completions[prerequisiteID]
            guard let completion else {
                missing.append(milestoneName(prerequisiteID) + (prerequisite.scope == .district ? " (district-wide)" : ""))
                continue
            }
            if effective < completion.effective {
                throw Refusal(
                    .beforePrerequisite,
                    "effective date \(effective) is before \(prerequisiteID) (done \(completion.effective), entry #\(completion.entry)); \(milestone.id) cannot happen before its prerequisites"
                )
            }
        }
        if !missing.isEmpty {
            let target = office.map { " for \(officeName($0))" } ?? ""
            throw Refusal(.missingPrerequisite, "\(milestone.id)\(target) in \(batch.id) needs \(missing.joined(separator: ", ")) first")
        }
        return EntryDraft(
            kind: .milestone, batch: batch.id, office: office, milestone: milestone.id,
            actor: actor.name, actorRole: actor.role, effective: effective, note: note, evidence: evidence,
            detail: source.map(EntryDetail.imported) ?? .none)
    }

    private func openProblem(batch batchID: String, office: String, effective: LocalDate, note: String, evidence: [Evidence]) throws
        -> EntryDraft
    {
        let batch = try newBatch(batchID)
        try knownOffice(office)
        try requireNonEmpty(note, "the problem description")
        try requireRole(plan.followUp.reportedBy, toDo: "report a problem", office: office)
        let after = plan.followUp.after
        guard let live = state.track(batch: batch.id, office: office).completions[after] else {
            throw Refusal(
                .notLive, "\(officeName(office)) is not live in \(batch.id) yet (\(after) not recorded); problems are reported after go-live")
        }
        if effective < live.effective {
            throw Refusal(.beforePrerequisite, "effective date \(effective) is before go-live on \(live.effective)")
        }
        return EntryDraft(
            kind: .problemOpened, batch: batch.id, office: office, actor: actor.name, actorRole: actor.role,
            effective: effective, note: note, evidence: evidence)
    }

    private func resolveProblem(_ id: Int64, batch batchID: String, office: String, effective: LocalDate, note: String, evidence: [Evidence])
        throws -> EntryDraft
    {
        let batch = try newBatch(batchID)
        try requireNonEmpty(note, "the resolution note")
        try requireRole(plan.followUp.resolvedBy, toDo: "resolve a problem", office: office)
        guard let problem = state.track(batch: batch.id, office: office).problems[id] else {
            throw Refusal(.problemNotOpen, "problem #\(id) is not an open problem of \(officeName(office)) in \(batch.id)")
        }
        if let resolution = problem.resolution {
            throw Refusal(.problemNotOpen, "problem #\(id) was already resolved by entry #\(resolution.entry) on \(resolution.effective)")
        }
        if effective < problem.opened {
            throw Refusal(.beforePrerequisite, "effective date \(effective) is before the problem was opened on \(problem.opened)")
        }
        return EntryDraft(
            kind: .problemResolved, batch: batch.id, office: office, target: id, actor: actor.name,
            actorRole: actor.role, effective: effective, note: note, evidence: evidence)
    }

    private func block(batch batchID: String, office: String, effective: LocalDate, reason: String) throws -> EntryDraft {
        let batch = try newBatch(batchID)
        try knownOffice(office)
        try requireNonEmpty(reason, "the reason")
        try requireRole(.coordinator, toDo: "block a rollout", office: office)
        try requireNotBlocked(state.track(batch: batch.id, office: office), batch: batch, office: office)
        return EntryDraft(
            kind: .blocked, batch: batch.id, office: office, actor: actor.name, actorRole: actor.role,
            effective: effective, note: reason)
    }

    private func unblock(batch batchID: String, office: String, effective: LocalDate, reason: String) throws -> EntryDraft {
        let batch = try newBatch(batchID)
        try knownOffice(office)
        try requireNonEmpty(reason, "the reason")
        try requireRole(.coordinator, toDo: "unblock a rollout", office: office)
        guard let block = state.track(batch: batch.id, office: office).block else {
            throw Refusal(.notBlocked, "the rollout of \(batch.id) at \(officeName(office)) is not blocked")
        }
        if effective < block.effective {
            throw Refusal(.beforePrerequisite, "effective date \(effective) is before the block began on \(block.effective)")
        }
        return EntryDraft(
            kind: .unblocked, batch: batch.id, office: office, target: block.entry, actor: actor.name,
            actorRole: actor.role, effective: effective, note: reason)
    }

    private func addPerson(_ person: Person) throws -> EntryDraft {
        let (name, role, office) = (person.name, person.role, person.office)
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InvalidAction("the person's name is empty")
        }
        if person.login != name, let bad = Person.loginProblem(person.login) { throw InvalidAction(bad) }
        switch (role, office) {
        case (.office, nil): throw InvalidAction("office staff must belong to one office; name it")
        case (.coordinator, .some), (.auditor, .some):
            throw InvalidAction("only office staff belong to an office; a \(role.rawValue) does not")
        default: break
        }
        if let office { try knownOffice(office) }
        try requireRole(.coordinator, toDo: "register people", office: nil)
        if let existing = state.people[person.login] {
            let who = existing.login == existing.name ? "" : " (\(existing.name))"
            throw Refusal(.alreadyRegistered, "\(person.login) is already registered\(who) as \(existing.role.rawValue)")
        }
        return EntryDraft(
            kind: .personAdded, office: office, actor: actor.name, actorRole: actor.role,
            effective: today, detail: .registration(person))
    }

    private func removePerson(login: String, reason: String) throws -> EntryDraft {
        try requireNonEmpty(reason, "the reason")
        try requireRole(.coordinator, toDo: "take people off the register", office: nil)
        guard let person = state.people[login] else {
            throw Refusal(.notRegistered, "\(login) is not on the register")
        }
        if person.role == .coordinator && state.people.values.filter({ $0.role == .coordinator }).count == 1 {
            throw Refusal(.lastCoordinator, "\(person.name) is the last coordinator; register another coordinator first")
        }
        return EntryDraft(
            kind: .personRemoved, office: person.office, actor: actor.name, actorRole: actor.role, effective: today,
            note: reason, detail: .removal(person))
    }
}
