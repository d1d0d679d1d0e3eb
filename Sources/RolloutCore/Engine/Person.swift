/// A registered person.
public struct Person: Equatable, Sendable {
    public var name: String
    public var role: Role
    /// The one office of office staff; nil for other roles.
    public var office: String?

    public init(name: String, role: Role, office: String?) {
        self.name = name
        self.role = role
        self.office = office
    }
}
