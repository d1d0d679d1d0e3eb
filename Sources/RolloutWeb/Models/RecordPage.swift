/// A coordinator's recording form: a milestone for one office, several or all.
package struct RecordPage: PageModel {
    package static let template = "record"

    let frame: PageFrame
    let t: [String: String]
    let milestones: [Choice]
    let batches: [Choice]
    let offices: [OfficeChoice]
    let key: String

    package init(frame: PageFrame, milestones: [Choice], batches: [Choice], offices: [OfficeChoice], key: String) {
        self.frame = frame
        t = frame.strings.all
        self.milestones = milestones
        self.batches = batches
        self.offices = offices
        self.key = key
    }
}
