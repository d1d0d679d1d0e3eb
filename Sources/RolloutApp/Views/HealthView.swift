/// `GET /healthz`'s answer: the history's length, whether this server can
/// write (`primary`) or only read (`standby`, `read-only`), and the schema
/// version, so that a load balancer can send writes to a primary and skip a
/// server still on an older release.
package struct HealthView: Encodable, Sendable {
    package let status: String
    package let entries: Int64
    package let writable: Bool
    package let role: String
    package let schema: Int
}
