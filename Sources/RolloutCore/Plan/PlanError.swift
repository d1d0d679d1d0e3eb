/// A problem found while loading plan data: which file, where in it, and what was expected.
package struct PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The fixture file, e.g. `items.json`.
    package var file: String
    /// A key path (`items[40].batch`) or `line N`; empty when the whole file is at fault.
    package var location: String
    /// What is wrong and what was expected.
    package var message: String

    package init(file: String, location: String = "", message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    package var description: String {
        location.isEmpty ? "\(file): \(message)" : "\(file): \(location): \(message)"
    }
}
