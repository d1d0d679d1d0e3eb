import RolloutApp

/// The command line's names for the fields an error can name: its flags.
struct FlagNames: FieldNaming {
    func name(of field: Field) -> String {
        switch field {
        case .actor: "--as"
        case .database: "--db"
        case .replace: "--replace"
        case .office: "--office"
        case .date: "--date"
        case .asOf: "--as-of"
        case .knownAt: "--known-at"
        case .from: "--from"
        case .to: "--to"
        case .recordedFrom: "--recorded-from"
        case .recordedTo: "--recorded-to"
        case .limit: "--limit"
        case .expect: "--expect"
        case .key: "--key"
        case .expectHead: "--expect-head"
        case .within: "--within"
        case .webhook: "--webhook"
        case .webhookFormat: "--format"
        case .dryRun: "--dry-run"
        case .year: "--year"
        case .officeCount: "--offices"
        case .districtCount: "--districts"
        case .batchCount: "--batches"
        }
    }
}
