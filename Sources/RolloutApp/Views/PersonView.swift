import RolloutCore

/// The JSON form of a registered person (`people --json`, `GET /api/v1/people`).
package struct PersonView: Encodable {
    package var login: String
    package var name: String
    package var role: String
    package var office: String?

    package init(_ person: Person) {
        login = person.login
        name = person.name
        role = person.role.rawValue
        office = person.office
    }
}
