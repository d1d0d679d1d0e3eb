/// An action that is malformed rather than refused: nothing is written, not even a refusal.
public struct InvalidAction: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
