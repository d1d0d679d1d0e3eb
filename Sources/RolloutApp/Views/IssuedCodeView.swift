/// The JSON form of a one-time code, shown once to the coordinator who issued it.
package struct IssuedCodeView: Encodable {
    package var login: String
    package var oneTimeCode: String

    package init(_ code: IssuedCode) {
        login = code.login
        oneTimeCode = code.code
    }

    /// The sentence a coordinator reads.
    package static func text(_ code: IssuedCode) -> String {
        "One-time code for \(code.login): \(code.code) (shown once; they must choose a new password when they first sign in)"
    }
}
