/// A batch of items extended together (延伸情况), with its schedule (推进计划).
package struct Batch: Codable, Equatable, Sendable {
    /// Stable identifier, e.g. `batch1`.
    package var id: String
    /// 0 for the baseline, then 1, 2, ...
    package var number: Int
    /// The source's label, e.g. 第一批新增延伸.
    package var label: String
    /// True for the baseline: live everywhere, no milestones.
    package var alreadyLive: Bool
    /// Month (1-12) of the preparation milestones; nil for the baseline.
    package var prepMonth: Int?
    /// Month (1-12) of go-live; nil for the baseline.
    package var liveMonth: Int?
    /// The source's 推进计划 text, verbatim.
    package var schedule: String?

    package init(
        id: String, number: Int, label: String, alreadyLive: Bool = false,
        prepMonth: Int? = nil, liveMonth: Int? = nil, schedule: String? = nil
    ) {
        self.id = id
        self.number = number
        self.label = label
        self.alreadyLive = alreadyLive
        self.prepMonth = prepMonth
        self.liveMonth = liveMonth
        self.schedule = schedule
    }

    enum CodingKeys: String, CodingKey {
        case id, number, label, alreadyLive, prepMonth, liveMonth, schedule
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        number = try container.decode(Int.self, forKey: .number)
        label = try container.decode(String.self, forKey: .label)
        alreadyLive = try container.decodeIfPresent(Bool.self, forKey: .alreadyLive) ?? false
        prepMonth = try container.decodeIfPresent(Int.self, forKey: .prepMonth)
        liveMonth = try container.decodeIfPresent(Int.self, forKey: .liveMonth)
        schedule = try container.decodeIfPresent(String.self, forKey: .schedule)
    }
}
