import RolloutCore

/// A catalog filter as typed: batch by name, text to look for, and levels by
/// English or Chinese name (community/社区, street/街道, district/区级, bank/银行).
package struct CatalogRequest: Sendable {
    package var batch: String?
    package var area: String?
    package var unit: String?
    package var section: String?
    package var level: String?
    package var acceptedAt: String?
    package var fullyAt: String?

    package init(
        batch: String? = nil, area: String? = nil, unit: String? = nil, section: String? = nil, level: String? = nil,
        acceptedAt: String? = nil, fullyAt: String? = nil
    ) {
        self.batch = batch
        self.area = area
        self.unit = unit
        self.section = section
        self.level = level
        self.acceptedAt = acceptedAt
        self.fullyAt = fullyAt
    }
}

extension RolloutService {
    /// The catalog items a request selects, in catalog order.
    package func items(_ request: CatalogRequest) throws -> [Item] {
        func level(_ text: String) throws -> Depth.Level {
            guard let level = Depth.Level(name: text) else {
                throw InputError("unknown level \"\(text)\"; expected one of community, street, district, bank (社区, 街道, 区级, 银行)")
            }
            return level
        }
        let query = CatalogQuery(
            batch: try request.batch.map { try names.batch($0).id }, area: request.area, unit: request.unit, section: request.section,
            involves: try request.level.map(level), acceptedAt: try request.acceptedAt.map(level), fullyAt: try request.fullyAt.map(level)
        )
        return query.apply(to: plan.items)
    }

    /// One catalog item by its number.
    package func item(number: Int) throws -> Item {
        guard let item = plan.items.first(where: { $0.number == number }) else {
            throw InputError(
                "no item \(number); the catalog has items \(plan.items.map(\.number).min() ?? 0) to \(plan.items.map(\.number).max() ?? 0)")
        }
        return item
    }

    /// How many offices reached each milestone in a batch, for annotating the milestone graph.
    package func reached(batch: String) throws -> MilestoneGraph.Reached {
        let batchID = try names.batch(batch).id
        let state = try store.currentState(batches: [batchID])
        return Dictionary(
            uniqueKeysWithValues: plan.milestones.map { milestone in
                (milestone.id, plan.offices.filter { state.completion(of: milestone, batch: batchID, office: $0.id) != nil }.count)
            })
    }
}
