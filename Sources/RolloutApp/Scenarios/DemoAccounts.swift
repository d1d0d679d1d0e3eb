import RolloutCore

/// A demo account someone can sign in with: who, which role, and a fresh password.
package struct DemoAccount: Sendable, Equatable {
    package let role: Role
    package let login: String
    package let name: String
    package let office: String?
    package let password: String
}

extension RolloutService {
    /// Gives one person per role (the first coordinator, the first auditor,
    /// and the staff of the first office) a new random password, so that a
    /// newcomer can sign in to the demo's pages at once. Only a test database
    /// (the demo's own) allows this.
    package func demoAccounts(at now: Timestamp, policy: AccountPolicy = .standard) throws -> [DemoAccount] {
        guard isTestDatabase else { throw InputError("demo accounts are made only in a demo or test database") }
        let people = try self.people()
        guard let coordinator = people.first(where: { $0.role == .coordinator }) else {
            throw InputError("the demo database has no coordinator to create accounts")
        }
        let firstOffice = plan.offices.first?.id
        let chosen =
            [coordinator] + [people.first { $0.role == .auditor }, people.first { $0.role == .office && $0.office == firstOffice }].compactMap { $0 }
        let actor = Identity(login: coordinator.login, authentication: .cli)
        return try chosen.map { person in
            let code = try resetPassword(login: person.login, by: actor, at: now, policy: policy)
            let password = "demo-" + Secrets.oneTimeCode()
            try changePassword(login: person.login, current: code.code, new: password, keepingSession: nil, at: now, policy: policy)
            return DemoAccount(role: person.role, login: person.login, name: person.name, office: person.office, password: password)
        }
    }
}
