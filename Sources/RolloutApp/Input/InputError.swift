/// A bad value a person gave (on the command line, in a form or in a request):
/// the message names the value and what was expected; nothing was written.
/// When the value is one of the `Field`s, the message is built with the
/// caller's name for it, so each front end reads its own vocabulary.
package struct InputError: Error, CustomStringConvertible, Equatable {
    /// The field the bad value was given in, if it is one.
    package let field: Field?
    private let text: @Sendable (any FieldNaming) -> String

    /// A message that names no field.
    package init(_ message: String) {
        self.field = nil
        self.text = { _ in message }
    }

    /// A message about `field`, built with the caller's names for it (and for any other field it mentions).
    package init(_ field: Field, _ message: @escaping @Sendable (_ name: (Field) -> String) -> String) {
        self.field = field
        self.text = { naming in message(naming.name(of:)) }
    }

    /// The message in the words of `naming`.
    package func message(naming: some FieldNaming) -> String { text(naming) }

    /// The message in plain words.
    package var message: String { message(naming: PlainFieldNames()) }

    package var description: String { message }

    package static func == (lhs: InputError, rhs: InputError) -> Bool { lhs.field == rhs.field && lhs.message == rhs.message }
}
