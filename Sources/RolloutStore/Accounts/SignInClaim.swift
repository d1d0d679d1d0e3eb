/// What `Store.claimSignInAttempt` decided: the attempt was recorded (as
/// failed until `markSignInSucceeded` says otherwise) and may be checked, or
/// it is throttled by the failures already recorded.
package enum SignInClaim: Equatable, Sendable {
    /// Recorded under this id; the password may now be checked.
    case claimed(id: Int64)
    /// Too many failures lately: the ones counted, newest first, and the limit they reached.
    case throttled(failures: [SignInAttempt], limit: Int)
}
