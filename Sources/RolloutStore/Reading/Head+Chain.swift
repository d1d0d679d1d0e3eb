import RolloutCore

extension Head {
    static func fetch(_ db: any SQLExecutor) throws -> Head {
        guard let row = try db.row("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1") else {
            return Head(count: 0, hash: Entry.genesisHash)
        }
        return Head(count: row.int(0) ?? 0, hash: row.string(1) ?? "")
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
