import RolloutCore
import RolloutStore

/// Moving a history between engines, upgrading an older schema, and preparing a PostgreSQL database for servers.
extension RolloutService {
    /// Upgrades the database at `location` to this rollout's schema: the
    /// versions it went from and to, or nil when it was already current.
    package static func upgrade(location: String) throws -> (from: Int, to: Int)? {
        do {
            _ = try Store.open(path: location, upgrading: false)
            return nil
        } catch StoreError.needsUpgrade(_, let found, let current) {
            _ = try Store.open(path: location, upgrading: true)
            return (found, current)
        }
    }

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
