/// What a load balancer needs to know of a database: its schema version, and
/// whether this process can write to it (a primary) or only read (a standby,
/// or a file it may not write).
package struct StoreHealth: Equatable, Sendable {
    /// The schema version the database is at.
    package let schema: Int
    /// Whether writes can succeed here.
    package let writable: Bool
    /// `primary`, `standby` (a PostgreSQL hot standby) or `read-only` (a file or database that refuses writes).
    package let role: String
}
