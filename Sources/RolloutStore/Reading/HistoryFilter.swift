import RolloutCore

/// Which entries `Store.history` returns. Every criterion left nil matches all.
package struct HistoryFilter: Sendable {
    package var office: String?
    package var batch: String?
    package var milestone: String?
    package var actor: String?
    package var kind: EntryKind?
    /// Effective dates, inclusive.
    package var effectiveFrom: LocalDate?
    package var effectiveTo: LocalDate?
    /// Recording times (UTC ISO 8601), inclusive.
    package var recordedFrom: String?
    package var recordedTo: String?
    /// At most this many entries, the newest ones, still printed oldest first.
    package var limit: Int?
    /// Only entries numbered up to this one: a listing read twice sees the same entries.
    package var through: Int64?

    package init(
        office: String? = nil, batch: String? = nil, milestone: String? = nil, actor: String? = nil, kind: EntryKind? = nil,
        effectiveFrom: LocalDate? = nil, effectiveTo: LocalDate? = nil, recordedFrom: String? = nil, recordedTo: String? = nil,
        limit: Int? = nil
    ) {
        self.office = office
        self.batch = batch
        self.milestone = milestone
        self.actor = actor
        self.kind = kind
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.recordedFrom = recordedFrom
        self.recordedTo = recordedTo
        self.limit = limit
    }
}
