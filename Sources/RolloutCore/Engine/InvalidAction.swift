/// An action that is malformed rather than refused: nothing is written, not even a refusal.
package struct InvalidAction: Error, Equatable, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) { self.message = message }

    package var description: String { message }
}
