/// Something a person asks the tool to do. The engine decides whether it is allowed.
package enum Action: Equatable, Sendable {
    /// Record a milestone: district-wide ones without an office, the others for
    /// one office. `source` when a coordinator imports it from a sheet (the
    /// sheet's reporter, file and row are kept in the entry).
    case record(
        milestone: String, batch: String, office: String?, effective: LocalDate, note: String, evidence: [Evidence],
        source: ImportSource? = nil)
    /// Report a problem found after go-live.
    case openProblem(batch: String, office: String, effective: LocalDate, note: String, evidence: [Evidence] = [])
    /// Resolve an open problem (its id is the entry that opened it).
    case resolveProblem(problem: Int64, batch: String, office: String, effective: LocalDate, note: String, evidence: [Evidence] = [])
    /// Stop an office's rollout of a batch until unblocked.
    case block(batch: String, office: String, effective: LocalDate, reason: String)
    case unblock(batch: String, office: String, effective: LocalDate, reason: String)
    /// Reverse mistaken entries; the state is refolded as if they had not happened.
    case correct(targets: [Entry], effective: LocalDate, reason: String)
    /// Register a person (office staff name their one office) with a unique
    /// login; without one, the name is the login.
    case addPerson(name: String, role: Role, office: String?, login: String? = nil)
    /// Take a person (by login) off the register: they can no longer act; their past entries stay valid.
    case removePerson(login: String, reason: String)

    /// A short description for refusal records and messages, e.g. `record staff_trained`.
    package var summary: String {
        switch self {
        case .record(let milestone, _, _, _, _, _, _): "record \(milestone)"
        case .openProblem: "open problem"
        case .resolveProblem(let problem, _, _, _, _, _): "resolve problem #\(problem)"
        case .block: "block"
        case .unblock: "unblock"
        case .correct(let targets, _, _): "correct " + targets.map { "#\($0.seq)" }.joined(separator: " ")
        case .addPerson(let name, let role, _, let login):
            login.map { $0 == name ? "add person \(name) as \(role.rawValue)" : "add person \(name) (\($0)) as \(role.rawValue)" }
                ?? "add person \(name) as \(role.rawValue)"
        case .removePerson(let login, _): "remove person \(login)"
        }
    }

    /// The machine name of the kind of action, kept with refused attempts.
    package var attemptCode: String {
        switch self {
        case .record: "record"
        case .openProblem: "open_problem"
        case .resolveProblem: "resolve_problem"
        case .block: "block"
        case .unblock: "unblock"
        case .correct: "correct"
        case .addPerson: "add_person"
        case .removePerson: "remove_person"
        }
    }

    /// The batch and office the action is about, when it has them.
    package var scope: (batch: String?, office: String?) {
        switch self {
        case .record(_, let batch, let office, _, _, _, _): (batch, office)
        case .openProblem(let batch, let office, _, _, _), .resolveProblem(_, let batch, let office, _, _, _),
            .block(let batch, let office, _, _), .unblock(let batch, let office, _, _):
            (batch, office)
        case .correct(let targets, _, _): (targets.first?.batch, targets.first?.office)
        case .addPerson(_, _, let office, _): (nil, office)
        case .removePerson: (nil, nil)
        }
    }

    var effective: LocalDate? {
        switch self {
        case .record(_, _, _, let date, _, _, _), .openProblem(_, _, let date, _, _), .resolveProblem(_, _, _, let date, _, _),
            .block(_, _, let date, _), .unblock(_, _, let date, _), .correct(_, let date, _):
            date
        case .addPerson, .removePerson: nil
        }
    }
}
