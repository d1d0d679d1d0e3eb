/// Why the rules refuse an action. A refusal writes nothing to the state and is
/// itself recorded in the history as a refused attempt.
package struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    package var reason: Reason
    /// A sentence naming the unmet condition: which prerequisite, role or office.
    package var message: String

    package init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    package var description: String { message }

    /// The closed set of refusal reasons (documented in `docs/state-machine.md`).
    package enum Reason: String, Codable, CaseIterable, Sendable {
        case wrongRole = "wrong_role"
        case wrongOffice = "wrong_office"
        case missingPrerequisite = "missing_prerequisite"
        case beforePrerequisite = "before_prerequisite"
        case alreadyDone = "already_done"
        case blocked
        case notBlocked = "not_blocked"
        case notLive = "not_live"
        case problemNotOpen = "problem_not_open"
        case notInEffect = "not_in_effect"
        case dependantsNotReversed = "dependants_not_reversed"
        case alreadyRegistered = "already_registered"
        case notRegistered = "not_registered"
        case lastCoordinator = "last_coordinator"
    }
}
