import RolloutCore

extension RolloutService {
    /// The person a command-line operator names with `--as`: a login, or a
    /// display name that exactly one registered person has. A name no one has
    /// is passed on as a login, so that the store names it as unknown (or
    /// records the refused attempt of someone taken off the register).
    package func actor(named text: String) throws -> Identity {
        let matches = try store.people(loginOrName: text)
        if let person = matches.first(where: { $0.login == text }) ?? (matches.count == 1 ? matches.first : nil) {
            return Identity(login: person.login, authentication: .cli)
        }
        guard matches.isEmpty else {
            let logins = matches.map(\.login).joined(separator: ", ")
            throw InputError(.actor) { "several people are called \(text): \(logins); pass \($0(.actor)) with one of these logins" }
        }
        return Identity(login: text, authentication: .cli)
    }
}
