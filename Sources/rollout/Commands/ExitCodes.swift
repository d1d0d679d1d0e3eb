import ArgumentParser
import RolloutApp
import RolloutCore

/// The exit codes that are outcomes rather than errors, and the one place
/// errors become messages on stderr. An error's exit code comes from its class
/// (`Failure.codes`, the table `docs/cli.md` shows); 64 is a usage error
/// (swift-argument-parser) and 5 a failed verification.
enum Exit {
    static let failure = Failure.internal.codes.exit
    /// Some of the actions were refused by the rules (and the refusals recorded).
    static let refused: Int32 = 3

    /// Prints `error` to stderr as `rollout: message` and returns its class's exit code.
    static func report(_ error: any Error) -> ExitCode {
        if let code = error as? ExitCode { return code }
        Terminal.standardError("rollout: " + Failure.message(of: error, naming: FlagNames()))
        return ExitCode(Failure(of: error).codes.exit)
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
