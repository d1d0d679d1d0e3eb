import RolloutApp
import RolloutWeb

/// The pages' names for the fields an error can name: the forms' labels in
/// the page's language, in corner brackets on Chinese pages.
struct FormFieldNames: FieldNaming {
    let strings: PageStrings

    func name(of field: Field) -> String {
        let label = strings[key(field)]
        return strings.language == .zh ? "「\(label)」" : "“\(label)”"
    }

    private func key(_ field: Field) -> String {
        switch field {
        case .actor: "field_actor"
        case .database: "field_database"
        case .replace: "field_replace"
        case .office: "field_office"
        case .date: "field_date"
        case .asOf: "field_asOf"
        case .knownAt: "field_knownAt"
        case .from: "field_from"
        case .to: "field_to"
        case .recordedFrom: "field_recordedFrom"
        case .recordedTo: "field_recordedTo"
        case .limit: "field_limit"
        case .expect: "field_expect"
        case .key: "field_key"
        case .expectHead: "field_expectHead"
        case .within: "field_within"
        case .webhook: "field_webhook"
        case .webhookFormat: "field_webhookFormat"
        case .dryRun: "field_dryRun"
        case .year: "field_year"
        case .officeCount: "field_officeCount"
        case .districtCount: "field_districtCount"
        case .batchCount: "field_batchCount"
        }
    }
}
