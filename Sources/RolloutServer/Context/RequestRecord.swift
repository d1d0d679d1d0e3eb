import Foundation

/// What inner middleware learns about a request (who acted, how) that the
/// outermost request log writes down once the response is ready.
final class RequestRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var who: (login: String, authentication: String)?

    /// Who the request was authenticated as.
    var identity: (login: String, authentication: String)? {
        get { lock.withLock { who } }
        set { lock.withLock { who = newValue } }
    }
}
