import RolloutCore

/// Who acts through a use case: a registered person's login, and how the
/// front end authenticated them (sealed into every entry they make).
package struct Actor: Equatable, Sendable {
    package let login: String
    package let authentication: Authentication

    package init(login: String, authentication: Authentication) {
        self.login = login
        self.authentication = authentication
    }
}

extension RolloutService {
    /// The person a command-line operator names with `--as`: a login, or a
    /// display name that exactly one registered person has. A name no one has
    /// is passed on as a login, so that the store names it as unknown (or
    /// records the refused attempt of someone taken off the register).
    package func actor(named text: String) throws -> Actor {
        let matches = try store.people(loginOrName: text)
        if let person = matches.first(where: { $0.login == text }) ?? (matches.count == 1 ? matches.first : nil) {
            return Actor(login: person.login, authentication: .cli)
        }
        guard matches.isEmpty else {
            let logins = matches.map(\.login).joined(separator: ", ")
            throw InputError(.actor) { "several people are called \(text): \(logins); pass \($0(.actor)) with one of these logins" }
        }
        return Actor(login: text, authentication: .cli)
    }
}
