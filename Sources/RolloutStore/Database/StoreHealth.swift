/// What a load balancer needs to know of a database: its schema version, and
/// whether this process can write to it (a primary) or only read (a standby,
/// or a file it may not write).
package struct StoreHealth: Equatable, Sendable {
    /// Which writes can succeed here.
    package enum Role: String, Sendable {
        /// Takes writes.
        case primary
        /// A PostgreSQL hot standby: reads only.
        case standby
        /// A file or database that refuses writes.
        case readOnly = "read-only"
    }

    /// The schema version the database is at.
    package let schema: Int
    package let role: Role

    /// Whether writes can succeed here.
    package var writable: Bool { role == .primary }
}
