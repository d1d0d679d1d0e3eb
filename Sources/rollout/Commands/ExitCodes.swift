import ArgumentParser
import RolloutApp
import RolloutCore
import RolloutStore

/// The documented exit codes, and the one place errors become messages on stderr.
enum Exit {
    static let failure: Int32 = 1
    static let badInput: Int32 = 2
    static let refused: Int32 = 3
    static let conflict: Int32 = 4
    /// The disk is full (or an I/O error): nothing was written; free space and run again.
    /// 74 is `EX_IOERR` of sysexits(3), as 64 is its `EX_USAGE`.
    static let diskFull: Int32 = 74

    /// Prints `error` to stderr as `rollout: message` and returns the exit code to throw.
    static func report(_ error: any Error) -> ExitCode {
        let (message, code): (String, Int32)
        switch error {
        case let error as ExitCode: return error
        case let error as PlanError: (message, code) = ("bad fixture: \(error)", badInput)
        case let error as InvalidAction: (message, code) = (error.message, badInput)
        case let error as InputError: (message, code) = (error.message, badInput)
        case let error as PermissionDenied: (message, code) = (error.message, refused)
        case let error as StoreError:
            switch error {
            case .stale, .idempotencyConflict, .busy, .clockBehind: (message, code) = (error.description, conflict)
            case .diskFull, .diskFullPartway, .ioFailure: (message, code) = (error.description, diskFull)
            case .sqlite, .unavailable, .copyFailed: (message, code) = (error.description, failure)
            default: (message, code) = (error.description, badInput)
            }
        default: (message, code) = ("\(error)", failure)
        }
        Terminal.standardError("rollout: " + message)
        return ExitCode(code)
    }
}

extension ParsableCommand {
    /// Runs `body`, turning any error into its message on stderr and its exit code.
    func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw Exit.report(error)
        }
    }
}
