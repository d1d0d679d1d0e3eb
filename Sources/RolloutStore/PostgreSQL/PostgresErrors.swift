import PostgresNIO

/// PostgreSQL's errors as the store's: the same cases SQLite's map to, with
/// the server's own message where there is no such case.
enum PostgresErrors {
    static func translate(_ error: PSQLError, location: String) -> StoreError {
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else {
            let reason =
                switch error.code {
                case .connectionError: "the connection failed (\(error.underlying.map { "\($0)" } ?? "no server there?"))"
                case .serverClosedConnection, .clientClosedConnection: "the server closed the connection"
                case .authMechanismRequiresPassword: "the server asks for a password and the URL has none"
                case .sslUnsupported: "the server does not offer TLS but the URL asks for it (sslmode)"
                default: "\(error.code)"
                }
            return .unavailable(path: location, why: reason)
        }
        let message = error.serverInfo?[.message] ?? "\(error.code)"
        switch state {
        case "3D000": return .noDatabase(path: location)
        case "28000", "28P01": return .unavailable(path: location, why: message)
        case "57P01", "57P02", "57P03": return .unavailable(path: location, why: message)
        // A hot standby, or a read-only transaction: the primary takes writes.
        case "25006": return .readOnly(path: location)
        case "53100": return .diskFull(path: location)
        case "40001", "40P01", "55P03": return .busy(path: location)
        default: return .sqlite(message)
        }
    }
}
