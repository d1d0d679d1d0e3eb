/// A value a person gives, named the same way in every layer: an error about
/// it carries the field, and each front end names it its own way (`--office`
/// on the command line, `offices` in the JSON API, 街道 on a Chinese page).
package enum Field: String, Sendable, CaseIterable {
    /// Who acts (`--as`; the signed-in person on the server).
    case actor
    /// The database location (`--db`).
    case database
    /// Replace an existing database (`--replace`).
    case replace
    /// One or several street offices.
    case office
    /// When it happened.
    case date
    /// The state as of a date.
    case asOf
    /// The state as recorded by a time.
    case knownAt
    /// Start and end of a period of effective dates.
    case from, to
    /// Start and end of a period of recording times.
    case recordedFrom, recordedTo
    /// How many entries at most.
    case limit
    /// The history the person saw (`--expect`, `If-Match`).
    case expect
    /// An idempotency key (`--key`, `Idempotency-Key`).
    case key
    /// A head noted earlier, to check the history against.
    case expectHead
    /// How many days ahead a reminder looks.
    case within
    /// Where reminders go, and the format they are sent in.
    case webhook, webhookFormat
    /// Print instead of writing or sending.
    case dryRun
    /// The year of a new plan.
    case year
    /// The size of a generated rollout.
    case officeCount, districtCount, batchCount
}

/// How a front end names the fields in its messages.
package protocol FieldNaming: Sendable {
    func name(of field: Field) -> String
}

/// Plain words, for logs and for callers with no vocabulary of their own.
package struct PlainFieldNames: FieldNaming {
    package init() {}

    package func name(of field: Field) -> String {
        switch field {
        case .actor: "person"
        case .database: "database"
        case .replace: "replace"
        case .office: "office"
        case .date: "date"
        case .asOf: "as-of date"
        case .knownAt: "known-at time"
        case .from: "start date"
        case .to: "end date"
        case .recordedFrom: "recorded-from time"
        case .recordedTo: "recorded-to time"
        case .limit: "limit"
        case .expect: "expected head"
        case .key: "idempotency key"
        case .expectHead: "expected head"
        case .within: "days ahead"
        case .webhook: "webhook"
        case .webhookFormat: "webhook format"
        case .dryRun: "dry run"
        case .year: "year"
        case .officeCount: "number of offices"
        case .districtCount: "number of districts"
        case .batchCount: "number of batches"
        }
    }
}
