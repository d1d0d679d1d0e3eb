import RolloutCore
import RolloutStore

/// Moving a history between engines, and preparing a PostgreSQL database for servers.
extension RolloutService {
    /// Copies the database at `source` into a new database at `target` (either
    /// engine each), refusing a target that exists or holds tables; the copy is
    /// verified and ends at the same head hash.
    package static func copyDatabase(from source: String, to target: String) throws -> Head {
        try Store.open(path: source).copy(to: target).head()
    }

    /// Grants a PostgreSQL role read and append rights on the history and no more (`Store.grantServerRole`).
    package func grantServerRole(_ role: String) throws {
        try store.grantServerRole(role)
    }
}
