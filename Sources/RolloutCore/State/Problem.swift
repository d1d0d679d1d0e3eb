/// A problem reported after go-live; its id is the entry that opened it.
public struct Problem: Equatable, Sendable {
    public var id: Int64
    public var opened: LocalDate
    public var note: String
    public var resolution: Resolution?

    public init(id: Int64, opened: LocalDate, note: String, resolution: Resolution?) {
        self.id = id
        self.opened = opened
        self.note = note
        self.resolution = resolution
    }
}
