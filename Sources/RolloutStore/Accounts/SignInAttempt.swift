/// One attempt to sign in, kept for throttling and for coordinators to review.
package struct SignInAttempt: Equatable, Sendable {
    package let login: String
    package let address: String
    package let at: String
    package let succeeded: Bool

    package init(login: String, address: String, at: String, succeeded: Bool) {
        self.login = login
        self.address = address
        self.at = at
        self.succeeded = succeeded
    }
}
