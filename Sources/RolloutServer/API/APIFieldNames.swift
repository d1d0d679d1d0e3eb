import RolloutApp

/// The JSON API's names for the fields an error can name: its query
/// parameters, body fields and headers (`docs/openapi.yaml`).
struct APIFieldNames: FieldNaming {
    func name(of field: Field) -> String {
        switch field {
        case .actor: "the signed-in person"
        case .database: "the server's database"
        case .replace: "replace"
        case .office: "offices"
        case .date: "date"
        case .asOf: "asOf"
        case .knownAt: "knownAt"
        case .from: "from"
        case .to: "to"
        case .recordedFrom: "recordedFrom"
        case .recordedTo: "recordedTo"
        case .limit: "limit"
        case .expect: "If-Match"
        case .key: "Idempotency-Key"
        case .expectHead: "expectHead"
        case .within: "within"
        case .webhook: "webhook"
        case .webhookFormat: "format"
        case .dryRun: "dryRun"
        case .year: "year"
        case .officeCount: "offices"
        case .districtCount: "districts"
        case .batchCount: "batches"
        }
    }
}
