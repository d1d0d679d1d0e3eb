/// An order-independent fingerprint of a state, row by row as the current-state
/// tables hold it, so the stored tables can be checked against a replay by
/// streaming them instead of loading them beside the replayed state.
///
/// Each row is hashed with the process's randomly seeded `Hasher` and the
/// hashes are added up per table, so rows may come in any order. Equal states
/// always give equal digests; different ones give equal digests with a
/// probability of about 2⁻⁶⁴, and an unequal digest means the exact comparison
/// (`StateDifference`) is run to name the difference. Digests are comparable
/// only within one process.
public struct StateDigest: Equatable, Sendable {
    /// Rows counted and their hashes summed, for one table.
    public struct Part: Equatable, Sendable {
        public private(set) var rows = 0
        private var sum: UInt64 = 0

        mutating func add(_ hasher: Hasher) {
            rows += 1
            sum &+= UInt64(bitPattern: Int64(hasher.finalize()))
        }
    }

    public private(set) var people = Part()
    public private(set) var districtCompletions = Part()
    public private(set) var officeCompletions = Part()
    public private(set) var blockChanges = Part()
    public private(set) var problems = Part()
    /// Set when a stored row could not be read (an impossible date): never equal to a replay.
    public private(set) var unreadable = false

    public init() {}

    /// The digest of a state's people, completions, block changes and problems.
    public init(of state: RolloutState) {
        for person in state.people.values { addPerson(person) }
        for (batch, milestones) in state.district {
            for (milestone, completion) in milestones { addDistrictCompletion(batch: batch, milestone: milestone, completion) }
        }
        for (key, track) in state.tracks {
            for element in track.completions {
                addOfficeCompletion(batch: key.batch, office: key.office, milestone: element.milestone, element.completion)
            }
            for change in track.blockChanges { addBlockChange(batch: key.batch, office: key.office, change) }
            for problem in track.problems.values { addProblem(batch: key.batch, office: key.office, problem) }
        }
    }

    public mutating func addPerson(_ person: Person) {
        var hasher = Hasher()
        hasher.combine(person.name)
        hasher.combine(person.role)
        hasher.combine(person.office)
        people.add(hasher)
    }

    public mutating func addDistrictCompletion(batch: String, milestone: String, _ completion: Completion) {
        var hasher = Hasher()
        hasher.combine(batch)
        hasher.combine(milestone)
        hasher.combine(completion.entry)
        hasher.combine(completion.effective)
        districtCompletions.add(hasher)
    }

    public mutating func addOfficeCompletion(batch: String, office: String, milestone: String, _ completion: Completion) {
        var hasher = Hasher()
        hasher.combine(batch)
        hasher.combine(office)
        hasher.combine(milestone)
        hasher.combine(completion.entry)
        hasher.combine(completion.effective)
        officeCompletions.add(hasher)
    }

    /// Block changes of a track are ordered by entry number in both the state
    /// and the table, so the set of rows determines the order.
    public mutating func addBlockChange(batch: String, office: String, _ change: BlockChange) {
        var hasher = Hasher()
        hasher.combine(batch)
        hasher.combine(office)
        hasher.combine(change.entry)
        hasher.combine(change.blocked)
        hasher.combine(change.effective)
        hasher.combine(change.reason)
        blockChanges.add(hasher)
    }

    public mutating func addProblem(batch: String, office: String, _ problem: Problem) {
        var hasher = Hasher()
        hasher.combine(batch)
        hasher.combine(office)
        hasher.combine(problem.id)
        hasher.combine(problem.opened)
        hasher.combine(problem.note)
        hasher.combine(problem.resolution?.entry)
        hasher.combine(problem.resolution?.effective)
        hasher.combine(problem.resolution?.note)
        problems.add(hasher)
    }

    /// Records that a stored row could not be read.
    public mutating func markUnreadable() { unreadable = true }
}
