/// How a problem was resolved.
public struct Resolution: Equatable, Sendable {
    public var entry: Int64
    public var effective: LocalDate
    public var note: String

    public init(entry: Int64, effective: LocalDate, note: String) {
        self.entry = entry
        self.effective = effective
        self.note = note
    }
}
