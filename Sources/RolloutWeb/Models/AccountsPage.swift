/// A coordinator's accounts: who has an account and in what state, the form
/// that creates one, and the recent failed sign-ins.
package struct AccountsPage: PageModel {
    /// One account as a table row; `active` offers the reset and disable buttons.
    package struct Row: Sendable {
        let login: String
        let name: String
        let role: String
        let office: String
        let state: String
        let active: Bool

        package init(login: String, name: String, role: String, office: String, state: String, active: Bool) {
            self.login = login
            self.name = name
            self.role = role
            self.office = office
            self.state = state
            self.active = active
        }
    }

    /// One failed sign-in.
    package struct Failure: Sendable {
        let login: String
        let address: String
        let at: String

        package init(login: String, address: String, at: String) {
            self.login = login
            self.address = address
            self.at = at
        }
    }

    package static let template = "accounts"

    let frame: PageFrame
    let t: [String: String]
    let accounts: [Row]
    let failures: [Failure]
    let offices: [Choice]

    package init(frame: PageFrame, accounts: [Row], failures: [Failure], offices: [Choice]) {
        self.frame = frame
        t = frame.strings.all
        self.accounts = accounts
        self.failures = failures
        self.offices = offices
    }
}
