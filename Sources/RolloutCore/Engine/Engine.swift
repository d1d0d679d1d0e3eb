/// The rollout state machine, driven entirely by the plan data.
///
/// Given an action, the acting person, the current state and today's date, it
/// returns the entries to append or a refusal naming the unmet condition. It
/// does no I/O and reads no clock; the store persists what it decides.
///
/// A class, so that deciding a million actions (verification) shares one plan
/// instead of copying it into every decision.
package final class Engine: Sendable {
    package let plan: Plan

    package init(plan: Plan) { self.plan = plan }

    /// The outcome of `decide`.
    package enum Decision: Equatable, Sendable {
        /// Allowed: append these entries (in order).
        case accepted([EntryDraft])
        /// Refused: the state does not change; append `record` as the refused attempt.
        case refused(Refusal, record: EntryDraft)
    }

    /// Decides an action. Throws `InvalidAction` for malformed input (unknown
    /// ids, dates in the future), for which nothing at all is written.
    package func decide(_ action: Action, by actor: Person, in state: RolloutState, today: LocalDate) throws(InvalidAction) -> Decision {
        if let effective = action.effective, effective > today {
            throw InvalidAction("effective date \(effective) is in the future (today is \(today)); expected today or earlier")
        }
        let rules = Rules(engine: self, state: state, actor: actor, today: today)
        do {
            let drafts = try rules.check(action)
            return .accepted(drafts)
        } catch let refusal as Refusal {
            return .refused(refusal, record: refusedDraft(action, refusal: refusal, actor: actor, today: today))
        } catch let invalid as InvalidAction {
            throw invalid
        } catch {
            throw InvalidAction("\(error)")
        }
    }

    /// The registration of the first coordinator, which nobody else can make.
    package func bootstrap(coordinator: Person, today: LocalDate) -> EntryDraft {
        EntryDraft(
            kind: .personAdded, actor: coordinator.name, actorRole: .coordinator, effective: today,
            detail: .registration(Person(login: coordinator.login, name: coordinator.name, role: .coordinator, office: nil)))
    }

    private func refusedDraft(_ action: Action, refusal: Refusal, actor: Person, today: LocalDate) -> EntryDraft {
        var draft = EntryDraft(
            kind: .refused, batch: action.scope.batch, office: action.scope.office, actor: actor.name,
            actorRole: actor.role, effective: action.effective ?? today)
        var targets: [Int64]?, name: String?, login: String?, role: Role?, source: ImportSource?
        switch action {
        case .record(let milestone, _, _, _, let note, let evidence, let imported):
            draft.milestone = milestone
            draft.note = note
            draft.evidence = evidence
            source = imported
        case .openProblem(_, _, _, let note, let evidence):
            draft.note = note
            draft.evidence = evidence
        case .resolveProblem(let problem, _, _, _, let note, let evidence):
            draft.target = problem
            draft.note = note
            draft.evidence = evidence
        case .block(_, _, _, let reason), .unblock(_, _, _, let reason): draft.note = reason
        case .correct(let entries, _, let reason):
            draft.note = reason
            draft.target = entries.first?.seq
            targets = entries.map(\.seq)
        case .addPerson(let person, let personRole, _, let personLogin):
            name = person
            login = personLogin
            role = personRole
        case .removePerson(let person, let reason):
            name = person
            draft.note = reason
        }
        draft.detail = .refusal(
            refusal, action: action.summary, attempt: action.attemptCode, targets: targets, name: name, login: login, role: role, source: source)
        return draft
    }
}
