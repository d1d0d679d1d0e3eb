/// The district board: a section per batch (matrix and timeline), overdue
/// work and open problems, with the filters (batch, a past date, known at a past time).
package struct BoardPage: PageModel {
    package static let template = "board"

    let frame: PageFrame
    let t: [String: String]
    let sections: [BoardSection]
    let overdue: [OverdueRow]
    let overdueCount: Int
    let problems: [ProblemRow]
    let problemCount: Int
    let batches: [Choice]
    let asOf: String
    let knownAt: String

    package init(
        frame: PageFrame, sections: [BoardSection], overdue: [OverdueRow], problems: [ProblemRow], batches: [Choice], asOf: String,
        knownAt: String
    ) {
        self.frame = frame
        t = frame.strings.all
        self.sections = sections
        self.overdue = overdue
        overdueCount = overdue.count
        self.problems = problems
        problemCount = problems.count
        self.batches = batches
        self.asOf = asOf
        self.knownAt = knownAt
    }
}
