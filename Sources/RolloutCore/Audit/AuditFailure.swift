/// The first thing found wrong with a history: which entry (if any) and what.
package struct AuditFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first bad entry, or nil when the fault is not in one entry (state table, head).
    package var entry: Int64?
    package var message: String

    package init(entry: Int64?, _ message: String) {
        self.entry = entry
        self.message = message
    }

    package var description: String { entry.map { "entry #\($0): \(message)" } ?? message }
}
