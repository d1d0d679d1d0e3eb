/// A registered person.
package struct Person: Equatable, Sendable {
    package var name: String
    package var role: Role
    /// The one office of office staff; nil for other roles.
    package var office: String?

    package init(name: String, role: Role, office: String?) {
        self.name = name
        self.role = role
        self.office = office
    }
}
