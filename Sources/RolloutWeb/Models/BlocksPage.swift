/// A coordinator's blocks: what is blocked now, and the form that blocks or
/// unblocks offices of a batch.
package struct BlocksPage: PageModel {
    package static let template = "blocks"

    let frame: PageFrame
    let t: [String: String]
    /// Each block in a line: batch, office, reason and since when.
    let blocked: [String]
    let offices: [OfficeChoice]
    let batches: [Choice]
    /// The form's key, so a form sent twice records once.
    let key: String

    package init(frame: PageFrame, blocked: [String], offices: [OfficeChoice], batches: [Choice], key: String) {
        self.frame = frame
        t = frame.strings.all
        self.blocked = blocked
        self.offices = offices
        self.batches = batches
        self.key = key
    }
}
