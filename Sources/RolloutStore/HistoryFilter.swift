import RolloutCore

/// Which entries `Store.history` returns. Every criterion left nil matches all.
public struct HistoryFilter: Sendable {
    public var office: String?
    public var batch: String?
    public var milestone: String?
    public var actor: String?
    public var kind: EntryKind?
    /// Effective dates, inclusive.
    public var effectiveFrom: LocalDate?
    public var effectiveTo: LocalDate?
    /// Recording times (UTC ISO 8601), inclusive.
    public var recordedFrom: String?
    public var recordedTo: String?
    /// At most this many entries, the newest ones, still printed oldest first.
    public var limit: Int?
    /// Only entries numbered up to this one: a listing read twice sees the same entries.
    public var through: Int64?

    public init(office: String? = nil, batch: String? = nil, milestone: String? = nil, actor: String? = nil, kind: EntryKind? = nil,
                effectiveFrom: LocalDate? = nil, effectiveTo: LocalDate? = nil, recordedFrom: String? = nil, recordedTo: String? = nil,
                limit: Int? = nil) {
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
