/// The dry run of a coordinator's recording, office by office, and the form
/// that confirms the same recording.
package struct PreviewPage: PageModel {
    package static let template = "preview"

    let frame: PageFrame
    let t: [String: String]
    let lines: [OutcomeLine]
    let anyAllowed: Bool
    let key: String
    let milestone: String
    let batch: String
    let offices: [String]
    let date: String
    let note: String

    package init(
        frame: PageFrame, lines: [OutcomeLine], anyAllowed: Bool, key: String, milestone: String, batch: String, offices: [String], date: String,
        note: String
    ) {
        self.frame = frame
        t = frame.strings.all
        self.lines = lines
        self.anyAllowed = anyAllowed
        self.key = key
        self.milestone = milestone
        self.batch = batch
        self.offices = offices
        self.date = date
        self.note = note
    }
}
