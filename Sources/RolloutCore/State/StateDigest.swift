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
package struct StateDigest: Equatable, Sendable {
    /// Rows counted and their hashes summed, for one table.
    package struct Part: Equatable, Sendable {
        package private(set) var rows = 0
        private var sum: UInt64 = 0

        /// Adds one row, whose fields `combine` feeds to a fresh hasher.
        mutating func add(_ combine: (inout Hasher) -> Void) {
            var hasher = Hasher()
            combine(&hasher)
            rows += 1
            sum &+= UInt64(bitPattern: Int64(hasher.finalize()))
        }
    }

    package private(set) var people = Part()
    package private(set) var districtCompletions = Part()
    package private(set) var officeCompletions = Part()
    package private(set) var blockChanges = Part()
    package private(set) var problems = Part()
    /// Set when a stored row could not be read (an impossible date): never equal to a replay.
    package private(set) var unreadable = false

    package init() {}

    /// The digest of a state's people, completions, block changes and problems.
    package init(of state: RolloutState) {
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

    package mutating func addPerson(_ person: Person) {
        people.add {
            $0.combine(person.login); $0.combine(person.name); $0.combine(person.role); $0.combine(person.office)
        }
    }

    package mutating func addDistrictCompletion(batch: String, milestone: String, _ completion: Completion) {
        districtCompletions.add {
            $0.combine(batch); $0.combine(milestone); $0.combine(completion.entry); $0.combine(completion.effective)
        }
    }

    package mutating func addOfficeCompletion(batch: String, office: String, milestone: String, _ completion: Completion) {
        officeCompletions.add {
            $0.combine(batch); $0.combine(office); $0.combine(milestone); $0.combine(completion.entry); $0.combine(completion.effective)
        }
    }

    /// Block changes of a track are ordered by entry number in both the state
    /// and the table, so the set of rows determines the order.
    package mutating func addBlockChange(batch: String, office: String, _ change: BlockChange) {
        blockChanges.add {
            $0.combine(batch); $0.combine(office); $0.combine(change.entry); $0.combine(change.blocked); $0.combine(change.effective)
            $0.combine(change.reason)
        }
    }

    package mutating func addProblem(batch: String, office: String, _ problem: Problem) {
        problems.add {
            $0.combine(batch); $0.combine(office); $0.combine(problem.id); $0.combine(problem.opened); $0.combine(problem.note)
            $0.combine(problem.resolution?.entry); $0.combine(problem.resolution?.effective); $0.combine(problem.resolution?.note)
        }
    }

    /// Records that a stored row could not be read.
    package mutating func markUnreadable() { unreadable = true }
}
