/// Who acts and how a front end authenticated them: a registered person's
/// login, passed to every use case and sealed into every entry they make
/// (format 2: `actor_login` and `auth`).
package struct Identity: Equatable, Sendable {
    package let login: String
    package let authentication: Authentication

    package init(login: String, authentication: Authentication) {
        self.login = login
        self.authentication = authentication
    }
}
