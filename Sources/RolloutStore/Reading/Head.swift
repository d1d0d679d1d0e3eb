import GRDB
import RolloutCore

/// The end of the chain: how many entries there are and the last hash.
package struct Head: Equatable, Sendable {
    package var count: Int64
    package var hash: String

    package init(count: Int64, hash: String) {
        self.count = count
        self.hash = hash
    }

    static func fetch(_ db: Database) throws -> Head {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1") else {
            return Head(count: 0, hash: Entry.genesisHash)
        }
        return Head(count: row["seq"], hash: row["hash"])
    }

    func check(_ expectation: Expectation) throws {
        switch expectation {
        case .count(let expected) where expected != count:
            throw StoreError.stale(expected: "\(expected) entries", actual: "\(count) entries, head \(hash.prefix(12))")
        case .head(let prefix) where !hash.hasPrefix(prefix):
            throw StoreError.stale(expected: "head \(prefix)", actual: "head \(hash.prefix(12)) after \(count) entries")
        default:
            return
        }
    }
}
