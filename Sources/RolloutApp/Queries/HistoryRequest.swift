import RolloutCore
import RolloutStore

/// A history filter as typed: office, batch and milestone by name, a person, an
/// entry kind, dates on the effective axis, times on the recorded axis, a limit.
package struct HistoryRequest: Sendable {
    package var office: String?
    package var batch: String?
    package var milestone: String?
    package var actor: String?
    package var kind: String?
    package var from: String?
    package var to: String?
    package var recordedFrom: String?
    package var recordedTo: String?
    package var limit: Int?

    package init(
        office: String? = nil, batch: String? = nil, milestone: String? = nil, actor: String? = nil, kind: String? = nil,
        from: String? = nil, to: String? = nil, recordedFrom: String? = nil, recordedTo: String? = nil, limit: Int? = nil
    ) {
        self.office = office
        self.batch = batch
        self.milestone = milestone
        self.actor = actor
        self.kind = kind
        self.from = from
        self.to = to
        self.recordedFrom = recordedFrom
        self.recordedTo = recordedTo
        self.limit = limit
    }
}

extension RolloutService {
    /// The store's filter for a request, every name resolved and every value checked.
    package func historyFilter(_ request: HistoryRequest) throws -> HistoryFilter {
        var kind: EntryKind?
        if let text = request.kind {
            guard let value = EntryKind(rawValue: text) else {
                throw InputError("unknown kind \"\(text)\"; expected one of \(EntryKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = value
        }
        if let limit = request.limit, limit < 1 { throw InputError(.limit) { "invalid \($0(.limit)) \(limit); expected a positive number" } }
        return HistoryFilter(
            office: try request.office.map { try names.office($0).id }, batch: try request.batch.map { try names.batch($0).id },
            milestone: try request.milestone.map { try names.milestone($0).id }, actor: request.actor, kind: kind,
            effectiveFrom: try request.from.map { try TimeInput.date($0, field: .from) },
            effectiveTo: try request.to.map { try TimeInput.date($0, field: .to) },
            recordedFrom: try request.recordedFrom.map {
                try TimeInput.recordedBound($0, field: .recordedFrom, plan: plan, endOfDay: false).iso8601
            },
            recordedTo: try request.recordedTo.map { try TimeInput.recordedBound($0, field: .recordedTo, plan: plan, endOfDay: true).iso8601 },
            limit: request.limit
        )
    }

    /// The entries a filter selects, oldest first.
    package func history(_ filter: HistoryFilter) throws -> [Entry] {
        try store.history(filter)
    }

    /// Hands over the entries a filter selects, oldest first, holding none;
    /// `through` bounds them so that a second pass sees exactly the first's.
    package func eachEntry(_ filter: HistoryFilter, through: Int64?, _ body: (Entry) throws -> Void) throws {
        var pass = filter
        pass.through = through
        try store.eachEntry(pass, body)
    }
}
