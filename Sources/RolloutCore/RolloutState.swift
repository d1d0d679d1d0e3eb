/// What the history implies right now: done milestones, blocks, problems and
/// the people register. Always derivable from the entries alone (`Replay`).
public struct RolloutState: Equatable, Sendable {
    /// District-wide completions: batch id → milestone id → completion.
    public var district: [String: [String: Completion]] = [:]
    /// Per (batch, office) progress.
    public var tracks: [TrackKey: Track] = [:]
    /// Registered people by name.
    public var people: [String: Person] = [:]

    public init() {}

    /// The track of one office in one batch (empty when nothing happened yet).
    public func track(batch: String, office: String) -> Track {
        tracks[TrackKey(batch: batch, office: office)] ?? Track()
    }

    /// The completion of a milestone for an office, looking at district-wide completions too.
    public func completion(of milestone: Milestone, batch: String, office: String) -> Completion? {
        milestone.scope == .district
            ? district[batch]?[milestone.id]
            : track(batch: batch, office: office).completions[milestone.id]
    }

    /// Applies one entry's effect. Corrections are not handled here: a corrected
    /// history is refolded without the reversed entries (see `Replay`).
    public mutating func apply(_ entry: Entry) {
        switch entry.kind {
        case .milestone:
            guard let batch = entry.batch, let milestone = entry.milestone else { return }
            let completion = Completion(entry: entry.seq, effective: entry.effective)
            if let office = entry.office {
                tracks[TrackKey(batch: batch, office: office), default: Track()].completions[milestone] = completion
            } else {
                district[batch, default: [:]][milestone] = completion
            }
        case .blocked, .unblocked:
            guard let key = entry.trackKey else { return }
            tracks[key, default: Track()].lastBlockChange = entry.seq
            tracks[key, default: Track()].block = entry.kind == .blocked
                ? Block(entry: entry.seq, since: entry.effective, reason: entry.note) : nil
        case .problemOpened:
            guard let key = entry.trackKey else { return }
            tracks[key, default: Track()].problems[entry.seq] = Problem(id: entry.seq, opened: entry.effective, note: entry.note, resolution: nil)
        case .problemResolved:
            guard let key = entry.trackKey, let problem = entry.target else { return }
            tracks[key, default: Track()].problems[problem]?.resolution = Resolution(entry: entry.seq, effective: entry.effective, note: entry.note)
        case .personAdded:
            guard let name = entry.detail["name"], let role = entry.detail["role"].flatMap(Role.init(rawValue:)) else { return }
            people[name] = Person(name: name, role: role, office: entry.office)
        case .correction, .refused:
            return
        }
    }
}

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
    public var completions: [String: Completion] = [:]
    /// Set while the rollout is blocked.
    public var block: Block?
    /// The latest block or unblock entry in effect.
    public var lastBlockChange: Int64?
    /// Problems reported after go-live, by id.
    public var problems: [Int64: Problem] = [:]

    public init() {}

    var isEmpty: Bool { completions.isEmpty && block == nil && lastBlockChange == nil && problems.isEmpty }
}

/// A milestone done: by which entry, effective when.
public struct Completion: Equatable, Sendable {
    public var entry: Int64
    public var effective: LocalDate

    public init(entry: Int64, effective: LocalDate) {
        self.entry = entry
        self.effective = effective
    }
}

/// Why and since when an office's rollout is blocked.
public struct Block: Equatable, Sendable {
    public var entry: Int64
    public var since: LocalDate
    public var reason: String

    public init(entry: Int64, since: LocalDate, reason: String) {
        self.entry = entry
        self.since = since
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

/// A registered person.
public struct Person: Equatable, Sendable {
    public var name: String
    public var role: Role
    /// The one office of office staff; nil for other roles.
    public var office: String?

    public init(name: String, role: Role, office: String?) {
        self.name = name
        self.role = role
        self.office = office
    }
}

extension Entry {
    /// The (batch, office) the entry belongs to, when it has both.
    public var trackKey: TrackKey? {
        guard let batch, let office else { return nil }
        return TrackKey(batch: batch, office: office)
    }
}
