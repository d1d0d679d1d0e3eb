/// Why a sign-in did not succeed. The message never says whether the login
/// exists; a throttled attempt says until when.
package enum SignInRefused: Error, CustomStringConvertible, Equatable {
    /// Wrong login or password, no password issued yet, or a disabled account.
    case wrongCredentials
    /// Too many failed sign-ins for this login, or from this address, lately.
    case throttled(until: String)

    package var description: String {
        switch self {
        case .wrongCredentials: "wrong login or password"
        case .throttled(let until): "too many failed sign-ins; try again after \(until)"
        }
    }
}
