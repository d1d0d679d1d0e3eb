/// What changed between two dates: the changes in words and the entries that
/// made them, once both dates are given.
package struct ChangesPage: PageModel {
    package static let template = "changes"

    let frame: PageFrame
    let t: [String: String]
    let from: String
    let to: String
    /// Whether both dates were given (and `changes` and `entries` answer them).
    let asked: Bool
    let changes: [String]
    let entries: [EntryLine]

    /// `answer` is nil until both dates are given.
    package init(frame: PageFrame, from: String, to: String, answer: (changes: [String], entries: [EntryLine])?) {
        self.frame = frame
        t = frame.strings.all
        self.from = from
        self.to = to
        asked = answer != nil
        changes = answer?.changes ?? []
        entries = answer?.entries ?? []
    }
}
