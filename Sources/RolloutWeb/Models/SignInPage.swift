/// The sign-in form, with why the last attempt was refused.
package struct SignInPage: PageModel {
    package static let template = "signin"

    let frame: PageFrame
    let t: [String: String]
    /// Where to go after signing in.
    let next: String
    let login: String
    let error: String?

    package init(frame: PageFrame, next: String, login: String, error: String?) {
        self.frame = frame
        t = frame.strings.all
        self.next = next
        self.login = login
        self.error = error
    }
}
