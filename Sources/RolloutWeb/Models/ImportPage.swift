/// A coordinator's upload form for a progress sheet.
package struct ImportPage: PageModel {
    package static let template = "import"

    let frame: PageFrame
    let t: [String: String]

    package init(frame: PageFrame) {
        self.frame = frame
        t = frame.strings.all
    }
}
