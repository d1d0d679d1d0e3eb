/// Who made an entry and how they were authenticated: sealed into every entry
/// of format 2 as `actor_login` and `auth`.
package struct Identity: Equatable, Sendable {
    package let login: String
    package let authentication: Authentication

    package init(login: String, authentication: Authentication) {
        self.login = login
        self.authentication = authentication
    }
}
