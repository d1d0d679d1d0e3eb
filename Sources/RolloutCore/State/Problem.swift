/// A problem reported after go-live; its id is the entry that opened it.
package struct Problem: Equatable, Sendable {
    package var id: Int64
    package var opened: LocalDate
    package var note: String
    package var resolution: Resolution?

    package init(id: Int64, opened: LocalDate, note: String, resolution: Resolution?) {
        self.id = id
        self.opened = opened
        self.note = note
        self.resolution = resolution
    }
}
