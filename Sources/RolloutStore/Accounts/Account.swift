/// Whether and how a registered person may sign in (never part of the history).
package struct Account: Equatable, Sendable {
    package let login: String
    /// The bcrypt hash of the password (or of the one-time code); nil: no password issued yet.
    package let passwordHash: String?
    /// The password is a one-time code, to be changed at the next sign-in.
    package let mustChange: Bool
    package let disabled: Bool
    package let updatedAt: String

    package init(login: String, passwordHash: String?, mustChange: Bool, disabled: Bool, updatedAt: String) {
        self.login = login
        self.passwordHash = passwordHash
        self.mustChange = mustChange
        self.disabled = disabled
        self.updatedAt = updatedAt
    }
}
