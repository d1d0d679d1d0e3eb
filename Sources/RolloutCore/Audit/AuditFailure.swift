/// The first thing found wrong with a history: which entry (if any) and what.
public struct AuditFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first bad entry, or nil when the fault is not in one entry (state table, head).
    public var entry: Int64?
    public var message: String

    public init(entry: Int64?, _ message: String) {
        self.entry = entry
        self.message = message
    }

    public var description: String { entry.map { "entry #\($0): \(message)" } ?? message }
}
