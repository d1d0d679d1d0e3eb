import RolloutApp

/// The command line's flag names, as the application's tests read messages:
/// the application speaks of fields, and these tests check the words a
/// command-line user gets (the CLI's own `FlagNames` is in the executable).
struct TestFlagNames: FieldNaming {
    func name(of field: Field) -> String {
        switch field {
        case .actor: "--as"
        case .database: "--db"
        case .webhookFormat: "--format"
        case .officeCount: "--offices"
        case .districtCount: "--districts"
        case .batchCount: "--batches"
        default: "--" + field.rawValue.replacing(/[A-Z]/) { "-" + $0.output.lowercased() }
        }
    }
}

/// `error`'s message as the command line shows it.
func cliMessage(_ error: any Error) -> String { Failure.message(of: error, naming: TestFlagNames()) }
