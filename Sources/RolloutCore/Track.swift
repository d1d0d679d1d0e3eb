/// Identifies one office's rollout of one batch.
public struct TrackKey: Hashable, Sendable {
    public var batch: String
    public var office: String

    public init(batch: String, office: String) {
        self.batch = batch
        self.office = office
    }
}

/// One office's progress in one batch.
public struct Track: Equatable, Sendable {
    /// Per-office milestone id → completion.
    public var completions = MilestoneCompletions()
    /// Block and unblock entries in effect, oldest first; a correction removes the last.
    public var blockChanges: [BlockChange] = []
    /// Problems reported after go-live, by id.
    public var problems: [Int64: Problem] = [:]

    public init() {}

    /// Set while the rollout is blocked: the block in effect.
    public var block: BlockChange? { blockChanges.last.flatMap { $0.blocked ? $0 : nil } }

    var isEmpty: Bool { completions.isEmpty && blockChanges.isEmpty && problems.isEmpty }
}

/// A milestone done: by which entry, effective when.
public struct Completion: Equatable, Sendable {
    /// The entry number above the date's 23 bits, in one word: a national
    /// state holds a million completions. Entry numbers beyond 2⁴¹ do not fit
    /// (a history of two trillion entries).
    private var packed: UInt64

    public init(entry: Int64, effective: LocalDate) {
        packed = UInt64(truncatingIfNeeded: entry) << 23 | UInt64(effective.packed)
    }

    public var entry: Int64 {
        get { Int64(packed >> 23) }
        set { self = Completion(entry: newValue, effective: effective) }
    }

    public var effective: LocalDate {
        get { LocalDate(packed: UInt32(truncatingIfNeeded: packed & 0x7F_FFFF)) }
        set { self = Completion(entry: entry, effective: newValue) }
    }
}

/// A block or unblock of an office's rollout: which entry, since when, why.
public struct BlockChange: Equatable, Sendable {
    public var entry: Int64
    public var blocked: Bool
    public var effective: LocalDate
    public var reason: String

    public init(entry: Int64, blocked: Bool, effective: LocalDate, reason: String) {
        self.entry = entry
        self.blocked = blocked
        self.effective = effective
        self.reason = reason
    }
}

/// A problem reported after go-live; its id is the entry that opened it.
public struct Problem: Equatable, Sendable {
    public var id: Int64
    public var opened: LocalDate
    public var note: String
    public var resolution: Resolution?

    public init(id: Int64, opened: LocalDate, note: String, resolution: Resolution?) {
        self.id = id
        self.opened = opened
        self.note = note
        self.resolution = resolution
    }
}

/// How a problem was resolved.
public struct Resolution: Equatable, Sendable {
    public var entry: Int64
    public var effective: LocalDate
    public var note: String

    public init(entry: Int64, effective: LocalDate, note: String) {
        self.entry = entry
        self.effective = effective
        self.note = note
    }
}
