/// A person tried something their role does not allow outside the rules of
/// the history (managing accounts, reading another office's data): nothing
/// was written. The CLI exits 3, the server answers 403.
package struct PermissionDenied: Error, CustomStringConvertible, Equatable {
    package let message: String

    package init(_ message: String) { self.message = message }

    package var description: String { message }
}
