/// The password change, which a one-time code leads to first.
package struct PasswordPage: PageModel {
    package static let template = "password"

    let frame: PageFrame
    let t: [String: String]
    /// Whether the person signed in with a one-time code and must choose a password.
    let mustChange: Bool

    package init(frame: PageFrame, mustChange: Bool) {
        self.frame = frame
        t = frame.strings.all
        self.mustChange = mustChange
    }
}
