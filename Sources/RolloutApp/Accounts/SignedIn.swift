import RolloutCore

/// A person the server has authenticated: who they are on the register and how.
package struct SignedIn: Sendable, Equatable {
    package let person: Person
    package let authentication: Authentication
    /// A one-time code was used: every page but the password change is closed until it is changed.
    package let mustChangePassword: Bool

    /// The person acting through the application layer.
    package var actor: Identity { Identity(login: person.login, authentication: authentication) }
}

/// A new session after a successful sign-in: the id goes into the cookie and is never stored.
package struct NewSession: Sendable, Equatable {
    package let id: String
    package let signedIn: SignedIn
    /// The token forms and API calls made with the cookie must carry.
    package var csrfToken: String { Secrets.csrfToken(session: id) }
}

/// A new API token, shown to its owner once.
package struct IssuedToken: Sendable, Equatable {
    package let token: String
    package let record: APITokenView
}

/// An API token as its owner sees it (never the token itself).
package struct APITokenView: Sendable, Equatable, Encodable {
    package let id: Int64
    package let name: String
    package let createdAt: String
    package let expiresAt: String
    package let revokedAt: String?
}
