import RolloutApp
import RolloutCore
import RolloutStore

/// One self-contained HTML page for the district leadership: status matrices,
/// plan-vs-actual timelines (inline SVG), overdue work, open problems and the
/// audit head. No network, no scripts, no external fonts.
struct HTMLReport {
    let model: ReportModel

    init(_ model: ReportModel) { self.model = model }

    private var plan: Plan { model.plan }
    private var boards: [StatusBoard] { model.boards }
    private var overdue: [OverdueList.Item] { model.overdue }
    private var problems: [ProblemRecord] { model.problems }
    private var verification: Verification { model.verification }
    private var generatedAt: String { model.generatedAt }
    private var asOf: LocalDate { model.asOf }

    var html: String {
        var body = "<h1>\(escape(plan.district)) · 人社服务延伸进度 Rollout report</h1>\n"
        body += "<p class=\"meta\">As of \(asOf) · generated \(escape(generatedAt)) · plan version <code>\(plan.version.prefix(16))</code></p>\n"
        for board in boards {
            body += "<h2>\(escape(board.batch.id)) \(escape(board.batch.label))</h2>\n<p class=\"summary\">\(escape(board.summary))</p>\n"
            body += matrix(board) + timeline(board)
        }
        body += "<h2>Overdue 逾期事项 (\(overdue.count))</h2>\n" + overdueTable()
        body += "<h2>Open problems 待解决问题 (\(problems.count))</h2>\n" + problemTable()
        body +=
            "<h2>Audit 审计</h2>\n<p>\(verification.passed ? "Verified" : "VERIFICATION FAILED"): \(verification.entries) entries, head <code>\(verification.head)</code>"
        if let failure = verification.failure { body += "<br><strong>\(escape(failure.description))</strong>" }
        body += "</p>\n"
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(escape(plan.district)) rollout report \(asOf)</title>
            <style>
            body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0 1em; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; font-size: 14px; }
            th { background: #f2f2f2; }
            td { white-space: nowrap; }
            td.done { background: #d9f2d9; } td.late { background: #fde6c8; } td.due { background: #f7f7f7; color: #666; }
            td.overdue { background: #f8d0d0; font-weight: bold; } td.blocked { background: #fff0b3; } td.na { color: #999; }
            .meta, .summary { color: #555; } code { font-size: 12px; }
            svg text { font-size: 12px; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private func matrix(_ board: StatusBoard) -> String {
        var html =
            "<table class=\"matrix\">\n<tr><th>街道 Office</th>" + board.milestones.map { "<th>\(escape($0.id))<br>\(escape($0.label))</th>" }.joined()
            + "<th>Live / problems</th></tr>\n"
        for row in board.rows {
            html += "<tr><td>\(escape(row.office.name))</td>"
            for cell in row.cells {
                let (state, date, late) = cell.parts
                let day = date?.description ?? ""
                let (text, css): (String, String) =
                    switch state {
                    case .done: ("✓ \(day)" + (late > 0 ? " (\(late) days late)" : ""), late > 0 ? "late" : "done")
                    case .due: ("due \(day)", "due")
                    case .overdue: ("\(late) days late", "overdue")
                    case .blocked: ("blocked since \(day)" + (late > 0 ? ", \(late) days late" : ""), "blocked")
                    case .notApplicable: ("n/a", "na")
                    }
                html += "<td class=\"\(css)\">\(text)</td>"
            }
            var last = row.live ? "live" : "not live"
            if row.openProblems > 0 { last += " · \(row.openProblems) open" }
            if let block = row.block { last += " · blocked: \(escape(block.reason))" }
            html += "<td>\(last)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// Bars for the prep and go-live months, a mark where each milestone was done.
    private func timeline(_ board: StatusBoard) -> String {
        guard let prep = board.batch.prepMonth, let live = board.batch.liveMonth,
            let start = LocalDate(year: plan.year, month: prep, day: 1), let liveStart = LocalDate(year: plan.year, month: live, day: 1),
            let prepEnd = LocalDate.endOfMonth(year: plan.year, month: prep), let liveEnd = LocalDate.endOfMonth(year: plan.year, month: live)
        else { return "" }
        let lastDone = board.rows.flatMap(\.cells).compactMap { cell -> LocalDate? in if case .done(let d, _) = cell { d } else { nil } }.max()
        let end = max(liveEnd, lastDone ?? liveEnd)
        let days = Double(max(1, start.days(until: end) + 1))
        let left = 110.0, width = 640.0, rowHeight = 22.0
        func x(_ date: LocalDate) -> Double { left + width * Double(start.days(until: date)) / days }
        let height = Double(board.rows.count) * rowHeight + 30
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(left + width + 20))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"plan vs actual\">\n"
        svg += "<text x=\"\(x(start))\" y=\"12\">\(start)</text><text x=\"\(x(liveStart))\" y=\"12\">\(liveStart)</text>\n"
        for (index, row) in board.rows.enumerated() {
            let y = 20 + Double(index) * rowHeight
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(escape(row.office.name))</text>"
            svg +=
                "<rect x=\"\(x(start))\" y=\"\(y + 4)\" width=\"\(x(prepEnd) - x(start))\" height=\"12\" fill=\"#cfe0f5\"><title>prep month</title></rect>"
            svg +=
                "<rect x=\"\(x(liveStart))\" y=\"\(y + 4)\" width=\"\(x(liveEnd) - x(liveStart))\" height=\"12\" fill=\"#d9f2d9\"><title>go-live month</title></rect>"
            for (milestone, cell) in zip(board.milestones, row.cells) {
                if case .done(let date, let daysLate) = cell {
                    let late = daysLate > 0
                    svg +=
                        "<circle cx=\"\(x(date))\" cy=\"\(y + 10)\" r=\"4\" fill=\"\(late ? "#c0392b" : "#1e6b2e")\"><title>\(escape(milestone.id)) \(date)</title></circle>"
                }
            }
            svg += "\n"
        }
        if board.asOf >= start && board.asOf <= end {
            svg +=
                "<line x1=\"\(x(board.asOf))\" y1=\"16\" x2=\"\(x(board.asOf))\" y2=\"\(height)\" stroke=\"#888\" stroke-dasharray=\"3,3\"><title>as of \(board.asOf)</title></line>\n"
        }
        return svg + "</svg>\n"
    }

    private func overdueTable() -> String {
        guard !overdue.isEmpty else { return "<p>Nothing overdue.</p>\n" }
        var html = "<table>\n<tr><th>Days late</th><th>Batch</th><th>Office</th><th>Milestone</th><th>Due</th><th>Who must act</th></tr>\n"
        for item in overdue {
            html +=
                "<tr><td class=\"overdue\">\(item.daysLate)</td><td>\(escape(item.batch))</td><td>\(escape(item.office?.name ?? "district-wide"))</td><td>\(escape(item.milestone.id))</td><td>\(item.due)</td><td>\(escape(item.expected))\(item.blocked ? " (blocked)" : "")</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func problemTable() -> String {
        guard !problems.isEmpty else { return "<p>No open problems.</p>\n" }
        var html = "<table>\n<tr><th>Id</th><th>Batch</th><th>Office</th><th>Opened</th><th>Problem</th></tr>\n"
        for record in problems {
            html +=
                "<tr><td>#\(record.problem.id)</td><td>\(escape(record.batch))</td><td>\(escape(plan.office(id: record.office)?.name ?? record.office))</td><td>\(record.problem.opened)</td><td>\(escape(record.problem.note))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
