/// An office to tick on a coordinator's form.
package struct OfficeChoice: Sendable {
    let id: String
    let name: String
    let checked: Bool

    package init(id: String, name: String, checked: Bool) {
        self.id = id
        self.name = name
        self.checked = checked
    }
}
