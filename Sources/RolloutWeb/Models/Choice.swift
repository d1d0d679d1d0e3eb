/// One choice of a select list on a form: its value, what it shows, and whether it is chosen.
package struct Choice: Sendable {
    let value: String
    let label: String
    let selected: Bool

    package init(value: String, label: String, selected: Bool) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}
