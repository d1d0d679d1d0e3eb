/// The JSON form of an account as coordinators review it.
package struct AccountView: Encodable {
    package var login: String
    package var name: String
    package var role: String
    package var office: String?
    package var hasPassword: Bool
    package var mustChange: Bool
    package var disabled: Bool

    package init(_ account: AccountSummary) {
        login = account.person.login
        name = account.person.name
        role = account.person.role.rawValue
        office = account.person.office
        hasPassword = account.hasPassword
        mustChange = account.mustChange
        disabled = account.disabled
    }
}
