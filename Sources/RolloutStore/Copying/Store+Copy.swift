import RolloutCore

extension Store {
    /// Copies the whole database into a new one at `location` (a file path, or
    /// the `postgresql://` URL of an empty or missing database), on either
    /// engine, and verifies the copy: it must end at this database's head hash.
    ///
    /// Copied row for row: plan versions and reference tables, the history
    /// with every hash as it is and the state tables beside it (the
    /// verification replays the history and compares them), kept evidence
    /// files, accounts, API tokens, and the sign-in and reminder logs. Sessions are not copied: people sign in again. One read
    /// snapshot of this database feeds one transaction on the new one, so
    /// writers may go on here meanwhile and a failed copy leaves nothing behind.
    package func copy(to location: String) throws -> Store {
        let head: Head
        do {
            head = try read { source in try fill(location, from: source) }
        } catch StoreError.databaseExists(let path) {
            throw StoreError.unsuitableTarget(
                path: path, why: "a database is already there; a copy goes only into a new file or an empty PostgreSQL database")
        }
        let copy = try Store.open(path: location)
        let verification = try copy.verify(expectHead: head.hash)
        if let failure = verification.failure {
            throw StoreError.copyFailed(path: copy.path, why: "its verification failed: \(failure)")
        }
        guard verification.entries == head.count, verification.head == head.hash else {
            throw StoreError.copyFailed(
                path: copy.path,
                why: "it ends at entry #\(verification.entries) (\(verification.head.prefix(12))), not #\(head.count) (\(head.hash.prefix(12)))")
        }
        return copy
    }

    /// Makes the new database at `location` from one snapshot of this one; returns the head it was copied at.
    private func fill(_ location: String, from source: any SQLExecutor) throws -> Head {
        func copyRows(_ target: any SQLExecutor) throws { try DatabaseCopy.copy(from: source, to: target) }
        if let url = try PostgresURL(location) {
            try PostgresEngine.create(url, replace: false, seed: copyRows)
        } else {
            try SQLiteEngine.create(path: location, replace: false, seed: copyRows)
        }
        return try Head.fetch(source)
    }
}
