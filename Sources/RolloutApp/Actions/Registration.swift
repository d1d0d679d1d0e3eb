import RolloutCore

extension RolloutService {
    /// Registers a person in a role (`coordinator`, `office`, `auditor`), office
    /// staff with their office, under a unique login (the name when none is given).
    package func addPerson(name: String, login: String? = nil, role: String, office: String?, by actor: Identity, at clock: some WallClock) throws
        -> ActionResult
    {
        try NoteText.check(name, what: "name")
        if let login, let problem = Person.loginProblem(login) { throw InputError(problem) }
        guard let parsedRole = Role(rawValue: role.lowercased()) else {
            throw InputError("unknown role \"\(role)\"; expected coordinator, office or auditor")
        }
        let officeID = try office.map { try names.office($0).id }
        return try perform(by: actor, at: clock, write: WriteInput()) { _ in
            [.addPerson(name: name, role: parsedRole, office: officeID, login: login)]
        }
    }

    /// Takes a person (by login, or a name only one person has) off the register; their past entries stay valid.
    package func removePerson(_ person: String, reason: String, by actor: Identity, at clock: some WallClock) throws -> ActionResult {
        try NoteText.check(reason, what: "reason")
        let login = try self.actor(named: person).login
        return try perform(by: actor, at: clock, write: WriteInput()) { _ in [.removePerson(login: login, reason: reason)] }
    }
}
