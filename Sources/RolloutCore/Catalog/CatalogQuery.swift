/// A filter over the catalog: by batch, area, unit, section and handling level.
/// Every criterion left nil matches everything.
package struct CatalogQuery: Equatable, Sendable {
    package var batch: String?
    /// Matches the area's text exactly (社会保险, 就业创业).
    package var area: String?
    /// Matches when the unit contains this text.
    package var unit: String?
    /// Matches when one of the sections contains this text.
    package var section: String?
    /// The level takes part in some step.
    package var involves: Depth.Level?
    /// Some channel starts at this level (an applicant can walk in there).
    package var acceptedAt: Depth.Level?
    /// Some channel runs entirely at this level and handles the item there.
    package var fullyAt: Depth.Level?

    package init(
        batch: String? = nil, area: String? = nil, unit: String? = nil, section: String? = nil,
        involves: Depth.Level? = nil, acceptedAt: Depth.Level? = nil, fullyAt: Depth.Level? = nil
    ) {
        self.batch = batch
        self.area = area
        self.unit = unit
        self.section = section
        self.involves = involves
        self.acceptedAt = acceptedAt
        self.fullyAt = fullyAt
    }

    package func matches(_ item: Item) -> Bool {
        if let batch, item.batch != batch { return false }
        if let area, item.area != area { return false }
        if let unit, !item.unit.contains(unit) { return false }
        if let section, !item.sections.contains(where: { $0.contains(section) }) { return false }
        if let involves, !item.depth.involves(involves) { return false }
        if let acceptedAt, !item.depth.acceptsAt(acceptedAt) { return false }
        if let fullyAt, !item.depth.fullyHandledAt(fullyAt) { return false }
        return true
    }

    /// The matching items, in catalog order.
    package func apply(to items: [Item]) -> [Item] { items.filter(matches) }
}

extension Depth.Level {
    /// Parses `street` or 街道 (and the other levels likewise).
    package init?(name: String) {
        let lowered = name.lowercased()
        guard let level = Depth.Level.allCases.first(where: { $0.rawValue == lowered || $0.chinese == name }) else { return nil }
        self = level
    }
}
