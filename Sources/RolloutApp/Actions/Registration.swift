import RolloutCore

extension RolloutService {
    /// Registers a person in a role (`coordinator`, `office`, `auditor`), office staff with their office.
    package func addPerson(name: String, role: String, office: String?, by actor: String, at now: Timestamp) throws -> ActionResult {
        try NoteText.check(name, what: "name")
        guard let parsedRole = Role(rawValue: role.lowercased()) else {
            throw InputError("unknown role \"\(role)\"; expected coordinator, office or auditor")
        }
        let officeID = try office.map { try names.office($0).id }
        return try perform([.addPerson(name: name, role: parsedRole, office: officeID)], by: actor, at: try moment(at: now), write: WriteInput())
    }

    /// Takes a person off the register; their past entries stay valid.
    package func removePerson(name: String, reason: String, by actor: String, at now: Timestamp) throws -> ActionResult {
        try NoteText.check(reason, what: "reason")
        return try perform([.removePerson(name: name, reason: reason)], by: actor, at: try moment(at: now), write: WriteInput())
    }
}
