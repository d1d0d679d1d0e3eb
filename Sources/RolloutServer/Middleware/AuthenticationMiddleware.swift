import HTTPTypes
import Hummingbird
import RolloutApp

/// Says who is asking: a bearer token (`Authorization: Bearer rlt_…`) or the
/// session cookie, checked against the database (hashes only). A bad token is
/// refused at once; an expired or unknown session cookie is treated as signed out.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let service: RolloutService
    let settings: ServerSettings

    /// The session cookie's name.
    static let cookie = "rollout_session"

    /// The cookie a sign-in sets: HttpOnly, SameSite=Lax, and Secure behind a TLS proxy.
    static func sessionCookie(_ id: String, settings: ServerSettings) -> Cookie {
        Cookie(name: cookie, value: id, path: "/", secure: settings.secure, httpOnly: true, sameSite: .lax)
    }

    /// The cookie a sign-out sets: the same cookie, emptied and expired.
    static func clearedSessionCookie(settings: ServerSettings) -> Cookie {
        Cookie(name: cookie, value: "", maxAge: 0, path: "/", secure: settings.secure, httpOnly: true, sameSite: .lax)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let now = settings.clock.now()
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer ") else {
                throw HTTPError(.unauthorized, message: "the Authorization header must be `Bearer TOKEN`")
            }
            let token = String(authorization.dropFirst("Bearer ".count))
            let service = service
            guard let signedIn = try await Blocking.run({ try service.signedIn(token: token, at: now) }) else {
                throw HTTPError(.unauthorized, message: "the API token is unknown, expired or revoked")
            }
            context.signedIn = signedIn
        } else if let session = request.cookies[Self.cookie]?.value, !session.isEmpty {
            let service = service, policy = settings.policy
            if let signedIn = try await Blocking.run({ try service.signedIn(session: session, at: now, policy: policy) }) {
                context.signedIn = signedIn
                context.session = session
            }
        }
        if let signedIn = context.signedIn {
            context.logger[metadataKey: "login"] = .string(signedIn.person.login)
            context.record.identity = (signedIn.person.login, signedIn.authentication.rawValue)
        }
        return try await next(request, context)
    }
}
