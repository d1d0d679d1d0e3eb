/// The dry run of an uploaded sheet, row by row, and the form that imports
/// exactly those bytes against the head the preview was decided on.
package struct ImportPreviewPage: PageModel {
    /// One row of the sheet as the preview shows it.
    package struct Line: Sendable {
        let row: Int
        let office: String
        let batch: String
        let milestone: String
        let date: String
        let reporter: String
        let state: String
        let css: String
        let message: String

        package init(
            row: Int, office: String, batch: String, milestone: String, date: String, reporter: String, state: String, css: String,
            message: String
        ) {
            self.row = row
            self.office = office
            self.batch = batch
            self.milestone = milestone
            self.date = date
            self.reporter = reporter
            self.state = state
            self.css = css
            self.message = message
        }
    }

    package static let template = "import-preview"

    let frame: PageFrame
    let t: [String: String]
    /// Why the preview is shown again (the history moved since the last one), when it is.
    let notice: String?
    let summary: String
    let lines: [Line]
    let anyAllowed: Bool
    /// The sheet's bytes in Base64, the head count it was decided on, and its file name.
    let sheet: String
    let expect: String
    let name: String

    package init(
        frame: PageFrame, notice: String?, summary: String, lines: [Line], anyAllowed: Bool, sheet: String, expect: String, name: String
    ) {
        self.frame = frame
        t = frame.strings.all
        self.notice = notice
        self.summary = summary
        self.lines = lines
        self.anyAllowed = anyAllowed
        self.sheet = sheet
        self.expect = expect
        self.name = name
    }
}
