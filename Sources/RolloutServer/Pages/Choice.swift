/// One choice of a select list on a form: its value, what it shows, and whether it is chosen.
struct Choice: Sendable {
    let value: String
    let label: String
    let selected: Bool
}
