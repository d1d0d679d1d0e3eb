/// A problem found while loading plan data: which file, where in it, and what was expected.
public struct PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The fixture file, e.g. `items.json`.
    public var file: String
    /// A key path (`items[40].batch`) or `line N`; empty when the whole file is at fault.
    public var location: String
    /// What is wrong and what was expected.
    public var message: String

    public init(file: String, location: String = "", message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        location.isEmpty ? "\(file): \(message)" : "\(file): \(location): \(message)"
    }
}
