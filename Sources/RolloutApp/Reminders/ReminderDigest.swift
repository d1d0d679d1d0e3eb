import RolloutCore

/// One reminder message: for one office (its late and soon-due milestones) or
/// for the coordinators (every office's, the district-wide ones, and the
/// history's entry count and head hash, so that the work group keeps an
/// outside record of the head every day).
package struct ReminderDigest: Equatable, Sendable {
    /// Who a digest is for.
    package enum Recipient: Equatable, Sendable {
        case office(Office)
        case coordinators

        /// `coordinators`, or the office id: the send log's key.
        package var key: String {
            switch self {
            case .office(let office): office.id
            case .coordinators: "coordinators"
            }
        }
    }

    package var recipient: Recipient
    package var district: String
    package var asOf: LocalDate
    /// The window of "due soon", in days.
    package var withinDays: Int
    package var late: [ReminderItem]
    package var dueSoon: [ReminderItem]
    /// The coordinators' digest only: the history's head when it was made.
    package var entries: Int64?
    package var head: String?

    /// The title: district, recipient and date.
    package var title: String {
        switch recipient {
        case .office(let office): "\(district)延伸进度提醒 · \(office.name) · \(asOf)"
        case .coordinators: "\(district)延伸进度提醒 · 协调员汇总 · \(asOf)"
        }
    }

    /// The message in Markdown as both group robots render it (WeCom and DingTalk).
    package var markdown: String {
        var lines = ["### \(title)", "截至 \(asOf)：逾期 \(late.count) 项，\(withinDays) 天内到期 \(dueSoon.count) 项"]
        switch recipient {
        case .office:
            lines += section("逾期", late) + section("即将到期", dueSoon)
        case .coordinators:
            lines += section("全区逾期", late.filter { $0.office == nil }) + section("全区即将到期", dueSoon.filter { $0.office == nil })
            lines += officeSummary()
            if let entries, let head {
                lines += ["", "**操作记录**：共 \(entries) 条，最新哈希 `\(head)`", "核对：`rollout audit verify --expect-head \(entries):\(head)`"]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// At most this many lines per section, so a message stays within the robots' 4,096-byte limit.
    static let maximumLines = 25

    /// The coordinators' view of the offices: one line per office with something late or due soon.
    private func officeSummary() -> [String] {
        var offices: [Office] = []
        for item in late + dueSoon {
            if let office = item.office, !offices.contains(office) { offices.append(office) }
        }
        guard !offices.isEmpty else { return [] }
        return ["", "**各街道**"]
            + offices.map { office in
                let mine = late.filter { $0.office == office }, soon = dueSoon.filter { $0.office == office }
                var parts: [String] = []
                if let most = mine.map(\.days).max() { parts.append("逾期 \(mine.count) 项（最多 \(most) 天）") }
                if !soon.isEmpty { parts.append("即将到期 \(soon.count) 项") }
                if mine.contains(where: \.blocked) || soon.contains(where: \.blocked) { parts.append("已暂停") }
                return "- \(office.name)：" + parts.joined(separator: "，")
            }
    }

    private func section(_ heading: String, _ items: [ReminderItem]) -> [String] {
        guard !items.isEmpty else { return [] }
        var lines = ["", "**\(heading)**"]
        for item in items.prefix(Self.maximumLines) {
            let when = item.late ? "应于 \(item.due) 完成，逾期 \(item.days) 天" : "应于 \(item.due) 完成，还有 \(item.days) 天"
            lines.append(
                "- \(item.batch.label) · \(item.milestone.label)（\(item.milestone.id)）：\(when)" + (item.blocked ? "（已暂停）" : ""))
        }
        if items.count > Self.maximumLines { lines.append("- ……另有 \(items.count - Self.maximumLines) 项") }
        return lines
    }
}
