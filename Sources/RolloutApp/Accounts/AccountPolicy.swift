/// The rules of signing in: password strength, how long sessions and tokens
/// live, and how failed sign-ins are throttled. Tests lower the bcrypt cost.
package struct AccountPolicy: Sendable {
    /// bcrypt's work factor (4...31); each step doubles the time to hash.
    package var bcryptCost: UInt8 = 12
    package var minimumPasswordLength = 10
    /// A session ends after this long without a request, and this long after sign-in whatever happens.
    package var sessionIdleSeconds: Int64 = 2 * 3600
    package var sessionLifetimeSeconds: Int64 = 12 * 3600
    /// Failed sign-ins counted over this window...
    package var throttleWindowSeconds: Int64 = 15 * 60
    /// ...after which the account refuses further tries until the window has passed;
    package var failuresPerAccount = 5
    /// ...and after which one address is refused for every account.
    package var failuresPerAddress = 20
    package var tokenDefaultDays = 90
    package var tokenMaximumDays = 365

    package init() {}

    /// The policy of a real server.
    package static let standard = AccountPolicy()
}
