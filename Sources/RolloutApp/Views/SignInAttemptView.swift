import RolloutStore

/// The JSON form of a sign-in attempt.
package struct SignInAttemptView: Encodable {
    package var login: String
    package var address: String
    package var at: String
    package var succeeded: Bool

    package init(_ attempt: SignInAttempt) {
        login = attempt.login
        address = attempt.address
        at = attempt.at
        succeeded = attempt.succeeded
    }
}
