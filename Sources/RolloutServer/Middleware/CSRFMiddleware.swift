import HTTPTypes
import Hummingbird
import RolloutApp

/// Refuses forged cross-site requests, in one place for each route group.
/// Every state-changing request must come from the server's own origin
/// (`Sec-Fetch-Site` and `Origin`, when the browser sends them), and one
/// authenticated by the session cookie must carry the session's CSRF token:
/// the API's in the `X-CSRF-Token` header, a form's in its `_csrf` field (the
/// form is read here, once, and handed on in the context). Bearer-token
/// requests carry no ambient credentials and need no token.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// Where a request carries the token.
    enum TokenPlace: Sendable {
        case header
        case form(limit: Int)
    }

    let settings: ServerSettings
    let token: TokenPlace
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        if let site = request.headers[Self.fetchSite], site != "same-origin", site != "none" {
            throw HTTPError(.forbidden, message: "cross-site request refused (Sec-Fetch-Site: \(site)); nothing was recorded")
        }
        if let origin = request.headers[.origin], origin != expectedOrigin(request) {
            throw HTTPError(.forbidden, message: "request from another origin refused (Origin: \(origin)); nothing was recorded")
        }
        var context = context
        switch token {
        case .header:
            if let session = context.session {
                guard let token = request.headers[Self.header], Secrets.equal(token, Secrets.csrfToken(session: session)) else {
                    throw HTTPError(.forbidden, message: "missing or wrong X-CSRF-Token for this session; nothing was recorded")
                }
            }
        case .form(let limit):
            let form = try await FormData.read(request, limit: limit)
            context.form = form
            if let session = context.session {
                guard let token = form["_csrf"], Secrets.equal(token, Secrets.csrfToken(session: session)) else {
                    throw HTTPError(
                        .forbidden,
                        message: "this form is stale or was not sent from this site (missing or wrong CSRF token); nothing was recorded")
                }
            }
        }
        return try await next(request, context)
    }

    /// The origin people reach the server at: the public URL behind a proxy, else this host.
    private func expectedOrigin(_ request: Request) -> String {
        if let publicURL = settings.publicURL {
            return String(publicURL.split(separator: "/", omittingEmptySubsequences: false).prefix(3).joined(separator: "/"))
        }
        return "http://" + (request.head.authority ?? "\(settings.host):\(settings.port)")
    }
}
