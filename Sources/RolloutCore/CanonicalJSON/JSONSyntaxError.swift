/// Why a text is not JSON as strict as the export format allows
/// (`docs/audit.md`, "Strictness"): where, and what was found instead of what.
package struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 0-based byte offset into the text where the problem is.
    package var offset: Int
    package var message: String

    package init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    package var description: String { "at byte \(offset + 1): \(message)" }
}
