/// How a problem was resolved.
package struct Resolution: Equatable, Sendable {
    package var entry: Int64
    package var effective: LocalDate
    package var note: String

    package init(entry: Int64, effective: LocalDate, note: String) {
        self.entry = entry
        self.effective = effective
        self.note = note
    }
}
