import RolloutApp
import RolloutCore

/// How `rollout serve` runs: where it listens, how it is reached, its limits
/// and its clock. Tests inject the clock; a real server reads the system clock
/// and never an injected one.
package struct ServerSettings: Sendable {
    package var host: String
    package var port: Int
    /// The address people use, when a reverse proxy terminates TLS in front of
    /// the server (`https://rollout.example.gov.cn`): cookies are then `Secure`
    /// and requests must come from that origin.
    package var publicURL: String?
    /// The largest request body accepted, in bytes.
    package var maximumBody: Int
    /// The largest body of a page's form, which may carry evidence files.
    package var maximumFormBody: Int
    package var policy: AccountPolicy
    /// Read by each write once the write lock is held, and by reads for today.
    package var clock: any WallClock
    /// A connection that has not sent a whole request for this long (idle
    /// between requests, or still sending its headers) is closed.
    package var idleTimeout: Duration
    /// After SIGTERM or SIGINT, how long requests in flight may take to finish
    /// before they are cancelled.
    package var shutdownGrace: Duration

    package init(
        host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil, maximumBody: Int = 1 << 20,
        maximumFormBody: Int = 3 * EvidenceUpload.maximumBytes + (1 << 20),
        policy: AccountPolicy = .standard, clock: any WallClock = SystemClock(),
        idleTimeout: Duration = .seconds(30), shutdownGrace: Duration = .seconds(10)
    ) {
        self.idleTimeout = idleTimeout
        self.shutdownGrace = shutdownGrace
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.maximumBody = maximumBody
        self.maximumFormBody = maximumFormBody
        self.policy = policy
        self.clock = clock
    }

    /// Whether people reach the server over TLS.
    package var secure: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }
}
