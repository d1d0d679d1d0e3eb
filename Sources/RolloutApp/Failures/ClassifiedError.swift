import RolloutCore
import RolloutStore

/// An error that knows its class. Every error type of the core, the store and
/// the application layer conforms, each with an exhaustive switch, so a new
/// case cannot fall into a default class unnoticed.
package protocol ClassifiedError: Error {
    var failure: Failure { get }
}

extension InputError: ClassifiedError {
    package var failure: Failure { .badInput }
}

extension PermissionDenied: ClassifiedError {
    package var failure: Failure { .notAllowed }
}

extension InvalidAction: ClassifiedError {
    package var failure: Failure { .badInput }
}

extension PlanError: ClassifiedError {
    package var failure: Failure { .badInput }
}

extension SignInRefused: ClassifiedError {
    package var failure: Failure {
        switch self {
        case .wrongCredentials: .notSignedIn
        case .throttled: .throttled
        }
    }
}

extension StoreError: ClassifiedError {
    package var failure: Failure {
        switch self {
        case .invalid, .databaseExists, .notARolloutDatabase, .newerSchema, .needsUpgrade, .badLocation, .replaceRefused, .unsuitableTarget,
            .cannotWrite:
            .badInput
        case .noDatabase, .unknownEntry, .unknownProblem: .notFound
        case .unknownPerson: .notAllowed
        case .stale: .stale
        case .idempotencyConflict, .clockBehind: .conflict
        case .busy, .readOnly, .unavailable: .unavailable
        case .diskFull, .diskFullPartway, .ioFailure: .storageFull
        case .sqlite, .copyFailed: .internal
        }
    }
}
