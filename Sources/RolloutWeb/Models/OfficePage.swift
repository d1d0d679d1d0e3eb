/// One office's page: its own staff's report and problem forms, its track
/// per batch, and its open problems (with the resolve form for whoever the plan names).
package struct OfficePage: PageModel {
    package static let template = "office"

    let frame: PageFrame
    let t: [String: String]
    /// The office's id, for the forms' addresses.
    let office: String
    let sections: [BoardSection]
    let problems: [ProblemRow]
    /// Whether the reader is the office's own staff (who report and open problems here).
    let ownStaff: Bool
    /// Whether the reader may resolve the office's problems.
    let resolves: Bool
    let key: String
    let milestones: [Choice]
    let batches: [Choice]

    package init(
        frame: PageFrame, office: String, sections: [BoardSection], problems: [ProblemRow], ownStaff: Bool, resolves: Bool, key: String,
        milestones: [Choice], batches: [Choice]
    ) {
        self.frame = frame
        t = frame.strings.all
        self.office = office
        self.sections = sections
        self.problems = problems
        self.ownStaff = ownStaff
        self.resolves = resolves
        self.key = key
        self.milestones = milestones
        self.batches = batches
    }
}
