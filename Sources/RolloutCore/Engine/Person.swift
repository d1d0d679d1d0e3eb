/// A registered person: a unique login (a staff number or mobile number) and
/// a display name, which several people may share.
package struct Person: Equatable, Sendable {
    /// Who the person is: unique on the register. People registered before
    /// logins existed have their name as their login.
    package var login: String
    /// The name shown on pages and in the history, as registered.
    package var name: String
    package var role: Role
    /// The one office of office staff; nil for other roles.
    package var office: String?

    package init(login: String, name: String, role: Role, office: String?) {
        self.login = login
        self.name = name
        self.role = role
        self.office = office
    }

    /// A person whose login is their name.
    package init(name: String, role: Role, office: String?) {
        self.init(login: name, name: name, role: role, office: office)
    }

    /// Why `login` cannot be a login, or nil when it can: 1 to 64 characters of
    /// ASCII letters, digits and `. _ - @ +`, as staff numbers and mobile numbers are.
    package static func loginProblem(_ login: String) -> String? {
        guard !login.isEmpty, login.count <= 64 else { return "the login \"\(login)\" must be 1 to 64 characters long" }
        guard
            login.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-@+".unicodeScalars.contains($0))
            })
        else {
            return "the login \"\(login)\" has characters other than ASCII letters, digits and . _ - @ +; expected a staff number or a mobile number"
        }
        return nil
    }
}
