import Hummingbird
import RolloutApp

/// What the server knows about one request: who signed in (and how), the
/// session id from the cookie, and an id for the logs.
package struct ServerContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The authenticated person, if any.
    package var signedIn: SignedIn?
    /// The session id from the cookie, when the person was authenticated by it.
    package var session: String?
    /// An id for this request, in the log and in every error body.
    package var requestID: String
    /// A page's submitted form, read once by the pages' CSRF check.
    var form: FormData?
    /// Filled in by inner middleware for the request log.
    var record = RequestRecord()
    /// The peer's address, as the socket saw it.
    package let peerAddress: String?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        signedIn = nil
        session = nil
        requestID = "-"
        form = nil
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The largest body `request.decode` reads (the body limit middleware refuses larger ones earlier).
    package var maxUploadSize: Int { 1 << 20 }
}
