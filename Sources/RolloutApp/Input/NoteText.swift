/// Limits on free text: notes and reasons stay readable and printable.
package enum NoteText {
    package static let maximumLength = 2000

    package static func check(_ text: String, what: String = "note") throws {
        guard text.count <= maximumLength else {
            throw InputError("the \(what) is \(text.count) characters long; expected at most \(maximumLength)")
        }
        if text.unicodeScalars.contains("\u{FFFD}") {
            throw InputError("the \(what) is not valid UTF-8 text; expected text in UTF-8")
        }
        if let bad = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
            throw InputError("the \(what) contains the control character U+\(String(bad.value, radix: 16, uppercase: true)); expected printable text")
        }
    }
}
