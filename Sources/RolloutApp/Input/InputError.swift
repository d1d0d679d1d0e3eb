/// A bad value a person gave (on the command line, in a form or in a request):
/// the message names the value and what was expected; nothing was written.
package struct InputError: Error, CustomStringConvertible, Equatable {
    package let message: String

    package init(_ message: String) { self.message = message }

    package var description: String { message }
}
