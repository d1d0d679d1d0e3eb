import RolloutCore

/// Entries handed out one at a time, oldest first.
package protocol EntrySource {
    /// The next entry, or nil after the last. Throws `EntryUnreadable` for a row no entry can have.
    mutating func next() throws -> Entry?
}

/// A row of `entries` whose `field` holds something no entry can have.
package struct EntryUnreadable: Error {
    package var seq: Int64
    package var field: String
}
