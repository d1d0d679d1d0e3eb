import HTTPTypes
import Hummingbird
import RolloutApp
import RolloutCore

/// Signing in and out, changing one's password, and who one is.
struct SessionRoutes {
    let service: RolloutService
    let settings: ServerSettings

    struct SignInBody: Decodable {
        let login: String
        let password: String
    }

    struct PasswordBody: Decodable {
        let current: String
        let new: String
    }

    /// Who is signed in, and the token their forms and cookie-authenticated calls must carry.
    struct MeView: Encodable {
        let login: String
        let name: String
        let role: String
        let office: String?
        let authentication: String
        let mustChangePassword: Bool
        let csrfToken: String?
    }

    var routes: [APIRoute] {
        [
            APIRoute(.post, "/api/v1/session") { request, context in
                let body = try await request.json(SignInBody.self, context: context)
                let address = Self.clientAddress(request, context, settings)
                let (service, settings) = (service, settings)
                let session = try await Blocking.run {
                    try service.signIn(
                        login: body.login, password: body.password, address: address, at: settings.clock.now(), policy: settings.policy)
                }
                var response = try JSONBody(Self.me(session.signedIn, session: session.id)).response(from: request, context: context)
                response.setCookie(AuthenticationMiddleware.sessionCookie(session.id, settings: settings))
                return response
            },
            APIRoute(.delete, "/api/v1/session", .signedInWithCode) { request, context, _ in
                if let session = context.session {
                    let service = service
                    try await Blocking.run { try service.signOut(session: session) }
                }
                var response = Response(status: .noContent)
                response.setCookie(AuthenticationMiddleware.clearedSessionCookie(settings: settings))
                return response
            },
            APIRoute(.get, "/api/v1/me", .signedInWithCode) { request, context, signedIn in
                try JSONBody(Self.me(signedIn, session: context.session)).response(from: request, context: context)
            },
            APIRoute(.put, "/api/v1/password", .signedInWithCode) { request, context, signedIn in
                let body = try await request.json(PasswordBody.self, context: context)
                let (service, settings, login, session) = (service, settings, signedIn.person.login, context.session)
                try await Blocking.run {
                    try service.changePassword(
                        login: login, current: body.current, new: body.new, keepingSession: session, at: settings.clock.now(),
                        policy: settings.policy)
                }
                return Response(status: .noContent)
            },
        ]
    }

    /// Who is signing in, for throttling: the socket's peer, or behind the
    /// reverse proxy (`publicURL` set) the address it appended to `X-Forwarded-For`,
    /// cut to 64 characters (an IPv6 address has at most 45): it is stored with
    /// every sign-in attempt, before anyone is signed in.
    static func clientAddress(_ request: Request, _ context: ServerContext, _ settings: ServerSettings) -> String {
        if settings.publicURL != nil, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return String(last.prefix(64))
        }
        return context.peerAddress ?? "unknown"
    }

    private static func me(_ signedIn: SignedIn, session: String?) -> MeView {
        MeView(
            login: signedIn.person.login, name: signedIn.person.name, role: signedIn.person.role.rawValue,
            office: signedIn.person.office, authentication: signedIn.authentication.rawValue,
            mustChangePassword: signedIn.mustChangePassword, csrfToken: session.map { Secrets.csrfToken(session: $0) })
    }
}
