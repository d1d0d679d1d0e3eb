/// The few places where the store's SQL differs between the engines. Everything
/// else is written once, in the SQL both understand.
package enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// A condition that `column` is one of the strings of a JSON array bound to one `?`.
    func member(_ column: String) -> String {
        switch self {
        case .sqlite: "\(column) IN (SELECT value FROM json_each(?))"
        case .postgres: "\(column) IN (SELECT jsonb_array_elements_text(CAST(? AS jsonb)))"
        }
    }

    /// The string member `key` of the JSON object held as text in `column`.
    func jsonText(_ column: String, _ key: String) -> String {
        switch self {
        case .sqlite: "json_extract(\(column), '$.\(key)')"
        case .postgres: "(CAST(\(column) AS jsonb) ->> '\(key)')"
        }
    }
}
