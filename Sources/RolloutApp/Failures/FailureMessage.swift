import RolloutCore
import RolloutStore

extension Failure {
    /// The message of `error` in the words of a front end: the fields it names
    /// are named by `naming` (`--office`, `offices`, 街道), and a store error
    /// about a value the person gave says how to give it.
    package static func message(of error: any Error, naming: some FieldNaming) -> String {
        switch error {
        case let error as InputError: return error.message(naming: naming)
        case let error as PlanError: return "bad fixture: \(error)"
        case let error as StoreError: return message(of: error, naming: naming)
        default: return "\(error)"
        }
    }

    /// The message of `error` as someone other than the server's operator may
    /// read it: about their request, or nil when it would describe the
    /// server's own database or files (those go to the server's log only).
    package static func clientMessage(of error: any Error, naming: some FieldNaming) -> String? {
        guard let error = error as? StoreError else { return message(of: error, naming: naming) }
        switch error {
        case .unknownPerson: return "you are not on the register (any more); nothing was recorded"
        case .stale, .idempotencyConflict, .clockBehind, .unknownEntry, .unknownProblem, .invalid: return error.description
        case .noDatabase, .databaseExists, .notARolloutDatabase, .newerSchema, .needsUpgrade, .badLocation, .replaceRefused, .unsuitableTarget,
            .cannotWrite,
            .busy, .readOnly, .unavailable, .diskFull, .diskFullPartway, .ioFailure, .sqlite, .copyFailed:
            return nil
        }
    }

    private static func message(of error: StoreError, naming: some FieldNaming) -> String {
        let name = naming.name(of:)
        switch error {
        case .noDatabase(let path):
            return "\(error); create one with `rollout init \(name(.database)) \(path)`"
        case .databaseExists(let path) where !path.hasPrefix("postgresql://"):
            return "\(error); pass \(name(.replace)) to start over (the old history is lost) or choose another \(name(.database))"
        case .unknownPerson(let person, let known):
            return "unknown person \"\(person)\"; pass \(name(.actor)) with a registered login or name"
                + (known.isEmpty ? "" : " (e.g. \(known.prefix(5).joined(separator: ", ")))")
        case .badLocation(let location, let why):
            return "cannot use \(name(.database)) \(location): \(why)"
        default:
            return error.description
        }
    }
}
