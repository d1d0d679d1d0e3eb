/// Everything a district's rollout is measured against: the catalog of items,
/// the street offices, the batches with their months, and the milestone graph.
///
/// A plan is data (see `docs/data.md`); `PlanLoader` builds it from the three
/// fixture files. Its `version` is the SHA-256 of its canonical encoding, and
/// every history entry records the version in force.
package struct Plan: Decodable, Equatable, Sendable {
    /// e.g. 渝中区.
    package var district: String
    /// The source document's title.
    package var title: String
    /// The year the batches' months fall in.
    package var year: Int
    /// IANA time zone in which "today" is reckoned for this district.
    package var timeZone: String
    /// The milestone graph, in recording order.
    package var milestones: [Milestone]
    /// Follow-up after go-live: problems are reported and resolved.
    package var followUp: FollowUp
    /// Baseline first, then the new batches.
    package var batches: [Batch]
    /// The street offices, in the fixture's order.
    package var offices: [Office] {
        didSet { officeIndex = Plan.index(offices) }
    }
    /// The catalog, by item number.
    package var items: [Item]
    /// Office position by id, so lookups stay O(1) with tens of thousands of offices.
    private var officeIndex: [String: Int]

    package init(
        district: String, title: String, year: Int, timeZone: String, milestones: [Milestone], followUp: FollowUp,
        batches: [Batch], offices: [Office], items: [Item]
    ) {
        self.district = district
        self.title = title
        self.year = year
        self.timeZone = timeZone
        self.milestones = milestones
        self.followUp = followUp
        self.batches = batches
        self.offices = offices
        self.items = items
        officeIndex = Plan.index(offices)
    }

    private enum CodingKeys: String, CodingKey {
        case district, title, year, timeZone, milestones, followUp, batches, offices, items
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            district: try c.decode(String.self, forKey: .district), title: try c.decode(String.self, forKey: .title),
            year: try c.decode(Int.self, forKey: .year), timeZone: try c.decode(String.self, forKey: .timeZone),
            milestones: try c.decode([Milestone].self, forKey: .milestones), followUp: try c.decode(FollowUp.self, forKey: .followUp),
            batches: try c.decode([Batch].self, forKey: .batches), offices: try c.decode([Office].self, forKey: .offices),
            items: try c.decode([Item].self, forKey: .items))
    }

    private static func index(_ offices: [Office]) -> [String: Int] {
        Dictionary(offices.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Who may report and resolve problems after a milestone (go-live).
    package struct FollowUp: Codable, Equatable, Sendable {
        /// Problems may be opened once this milestone is done.
        package var after: String
        package var label: String
        package var reportedBy: [Role]
        package var resolvedBy: [Role]
    }

    package func milestone(_ id: String) -> Milestone? { milestones.first { $0.id == id } }
    package func batch(id: String) -> Batch? { batches.first { $0.id == id } }
    package func office(id: String) -> Office? { officeIndex[id].map { offices[$0] } }
    /// The office's label (`解放碑街道 (jiefangbei)`), or the id itself when the plan has no such office.
    package func officeLabel(_ id: String) -> String { office(id: id)?.label ?? id }
    /// The office's position in the plan (for stable ordering).
    package func position(ofOffice id: String) -> Int? { officeIndex[id] }
    package func items(in batch: Batch) -> [Item] { items.filter { $0.batch == batch.id } }

    /// The batches that have milestones (every batch but the baseline).
    package var newBatches: [Batch] { batches.filter { !$0.alreadyLive } }

    /// The last day a milestone is due in a batch, or nil (baseline, or no due rule).
    package func dueDate(of milestone: Milestone, in batch: Batch) -> LocalDate? {
        guard let phase = milestone.due else { return nil }
        let month = phase == .prep ? batch.prepMonth : batch.liveMonth
        return month.flatMap { LocalDate.endOfMonth(year: year, month: $0) }
    }

    /// Every milestone that `id` requires, directly or through others.
    package func prerequisites(of id: String) -> Set<String> {
        var result = Set<String>()
        var pending = milestone(id)?.requires ?? []
        while let next = pending.popLast() {
            if result.insert(next).inserted { pending += milestone(next)?.requires ?? [] }
        }
        return result
    }

    /// Every milestone that requires `id`, directly or through others.
    package func dependants(of id: String) -> Set<String> {
        Set(milestones.map(\.id).filter { prerequisites(of: $0).contains(id) })
    }

    /// The canonical encoding the version hash is taken over.
    package var canonical: CanonicalJSON {
        func roles(_ roles: [Role]) -> CanonicalJSON { .array(roles.map { .string($0.rawValue) }) }
        return .object([
            "district": .string(district),
            "title": .string(title),
            "year": .int(Int64(year)),
            "timeZone": .string(timeZone),
            "milestones": .array(
                milestones.map { m in
                    .object([
                        "id": .string(m.id), "label": .string(m.label), "recordedBy": .string(m.recordedBy.rawValue),
                        "scope": .string(m.scope.rawValue), "requires": .array(m.requires.map(CanonicalJSON.string)),
                        "due": .optional(m.due?.rawValue),
                    ])
                }),
            "followUp": .object([
                "after": .string(followUp.after), "label": .string(followUp.label),
                "reportedBy": roles(followUp.reportedBy), "resolvedBy": roles(followUp.resolvedBy),
            ]),
            "batches": .array(
                batches.map { b in
                    .object([
                        "id": .string(b.id), "number": .int(Int64(b.number)), "label": .string(b.label),
                        "alreadyLive": .bool(b.alreadyLive), "prepMonth": .optional(b.prepMonth.map(Int64.init)),
                        "liveMonth": .optional(b.liveMonth.map(Int64.init)), "schedule": .optional(b.schedule),
                    ])
                }),
            "offices": .array(offices.map { .object(["id": .string($0.id), "name": .string($0.name)]) }),
            "items": .array(
                items.map { item in
                    .object([
                        "number": .int(Int64(item.number)), "name": .string(item.name), "area": .string(item.area),
                        "depth": .object([
                            "text": .string(item.depth.text),
                            "channels": .array(
                                item.depth.channels.map { steps in
                                    .array(
                                        steps.map { step in
                                            .object([
                                                "levels": .array(step.levels.map { .string($0.rawValue) }),
                                                "actions": .array(step.actions.map { .string($0.rawValue) }),
                                                "qualifier": .optional(step.qualifier),
                                            ])
                                        })
                                }),
                        ]),
                        "unit": .string(item.unit), "sections": .array(item.sections.map(CanonicalJSON.string)),
                        "batch": .string(item.batch), "remarks": .string(item.remarks),
                    ])
                }),
        ])
    }

    /// The plan version: SHA-256 (hex) of the canonical encoding.
    package var version: String { SHA256Hex.digest(canonical.text) }
}
