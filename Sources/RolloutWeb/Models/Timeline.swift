import RolloutCore

/// The plan-vs-actual picture of one batch, laid out for an SVG: a bar for
/// the preparation month and one for the go-live month per office, a dot
/// where each milestone was done (red when late), a dashed line on the date shown.
package struct Timeline: Sendable {
    /// One office's line.
    package struct Line: Sendable {
        let name: String
        let textY: Double
        let barY: Double
        let dots: [Dot]
    }

    /// A milestone done on a date.
    package struct Dot: Sendable {
        let x: Double
        let y: Double
        let fill: String
        let title: String
    }

    let width: Double
    let height: Double
    let startX: Double
    let startLabel: String
    let liveX: Double
    let liveLabel: String
    let prepWidth: Double
    let liveWidth: Double
    let prepTitle: String
    let liveTitle: String
    let lines: [Line]
    let asOfX: Double?
    let asOfTitle: String

    /// nil for a batch without preparation and go-live months (the baseline).
    init?(_ board: StatusBoard, plan: Plan, strings t: PageStrings) {
        guard let prep = board.batch.prepMonth, let live = board.batch.liveMonth,
            let start = LocalDate(year: plan.year, month: prep, day: 1), let liveStart = LocalDate(year: plan.year, month: live, day: 1),
            let prepEnd = LocalDate.endOfMonth(year: plan.year, month: prep), let liveEnd = LocalDate.endOfMonth(year: plan.year, month: live)
        else { return nil }
        let lastDone = board.rows.flatMap(\.cells).compactMap { cell -> LocalDate? in if case .done(let d, _) = cell { d } else { nil } }.max()
        let end = max(liveEnd, lastDone ?? liveEnd)
        let days = Double(max(1, start.days(until: end) + 1))
        let left = 96.0, plot = 560.0, rowHeight = 22.0
        func x(_ date: LocalDate) -> Double { (left + plot * Double(start.days(until: date)) / days).rounded() }
        width = left + plot + 16
        height = Double(board.rows.count) * rowHeight + 30
        startX = x(start)
        startLabel = start.description
        liveX = x(liveStart)
        liveLabel = liveStart.description
        prepWidth = x(prepEnd) - x(start)
        liveWidth = x(liveEnd) - x(liveStart)
        prepTitle = t["board_prepMonth"]
        liveTitle = t["board_liveMonth"]
        lines = board.rows.enumerated().map { index, row in
            let y = 20 + Double(index) * rowHeight
            let dots = zip(board.milestones, row.cells).compactMap { milestone, cell -> Dot? in
                guard case .done(let date, let late) = cell else { return nil }
                return Dot(x: x(date), y: y + 10, fill: late > 0 ? "#c0392b" : "#1e6b2e", title: "\(milestone.label) \(date)")
            }
            return Line(name: row.office.name, textY: y + 14, barY: y + 4, dots: dots)
        }
        asOfX = board.asOf >= start && board.asOf <= end ? x(board.asOf) : nil
        asOfTitle = "\(t["board_asOf"]) \(board.asOf)"
    }
}
