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

    /// Applies one entry's effect. A correction removes the effect of the entry
    /// it reverses, which the rules guarantee is still in effect, so the result
    /// is the state as if the reversed entry had never happened.
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
            tracks[key, default: Track()].blockChanges.append(
                BlockChange(entry: entry.seq, blocked: entry.kind == .blocked, effective: entry.effective, reason: entry.note))
        case .problemOpened:
            guard let key = entry.trackKey else { return }
            tracks[key, default: Track()].problems[entry.seq] = Problem(id: entry.seq, opened: entry.effective, note: entry.note, resolution: nil)
        case .problemResolved:
            guard let key = entry.trackKey, let problem = entry.target else { return }
            tracks[key, default: Track()].problems[problem]?.resolution = Resolution(entry: entry.seq, effective: entry.effective, note: entry.note)
        case .personAdded:
            guard let name = entry.detail["name"], let role = entry.detail["role"].flatMap(Role.init(rawValue:)) else { return }
            people[name] = Person(name: name, role: role, office: entry.office)
        case .personRemoved:
            if let name = entry.detail["name"] { people[name] = nil }
        case .correction:
            reverse(entry)
        case .refused:
            return
        }
    }

    /// Removes the effect of the entry a correction names (`target`, with its kind in `detail["reverses"]`).
    private mutating func reverse(_ correction: Entry) {
        guard let target = correction.target, let batch = correction.batch,
              let kind = correction.detail["reverses"].flatMap(EntryKind.init(rawValue:)) else { return }
        let key = correction.office.map { TrackKey(batch: batch, office: $0) }
        switch kind {
        case .milestone:
            guard let milestone = correction.milestone else { return }
            if let key {
                if tracks[key]?.completions[milestone]?.entry == target { tracks[key]?.completions[milestone] = nil }
            } else if district[batch]?[milestone]?.entry == target {
                district[batch]?[milestone] = nil
            }
        case .blocked, .unblocked:
            guard let key, tracks[key]?.blockChanges.last?.entry == target else { return }
            tracks[key]?.blockChanges.removeLast()
        case .problemOpened:
            guard let key else { return }
            tracks[key]?.problems[target] = nil
        case .problemResolved:
            guard let key, let problem = correction.detail["problem"].flatMap(Int64.init) else { return }
            if tracks[key]?.problems[problem]?.resolution?.entry == target { tracks[key]?.problems[problem]?.resolution = nil }
        case .correction, .personAdded, .personRemoved, .refused:
            return
        }
        if let key, tracks[key]?.isEmpty == true { tracks[key] = nil }
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
    public var entry: Int64
    public var effective: LocalDate

    public init(entry: Int64, effective: LocalDate) {
        self.entry = entry
        self.effective = effective
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
