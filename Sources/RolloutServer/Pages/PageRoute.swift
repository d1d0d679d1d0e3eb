import HTTPTypes
import Hummingbird
import RolloutApp
import RolloutCore
import RolloutWeb

/// One page or form target: its method and path, who may use it, and what it
/// does. Unlike the API, a person who is not signed in is sent to the sign-in
/// page, one with a one-time code to the password page, and a form post is
/// read here and refused unless it carries the session's CSRF token, before
/// any handler runs. Errors become an HTML page with the API's status and message.
struct PageRoute: Sendable {
    typealias Handler = @Sendable (Request, ServerContext, PageRequest) async throws -> Response

    let method: HTTPRequest.Method
    let path: String
    let access: APIRoute.Access
    let handle: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ access: APIRoute.Access, _ handle: @escaping Handler) {
        self.method = method
        self.path = path
        self.access = access
        self.handle = handle
    }

    func respond(_ request: Request, _ context: ServerContext, pages: Pages) async throws -> Response {
        let language = Language.negotiate(
            choice: request.uri.queryParameters.get("lang") ?? request.cookies[Pages.languageCookie]?.value,
            acceptLanguage: request.headers[.acceptLanguage])
        var page = PageRequest(
            signedIn: context.signedIn, session: context.session, language: language, form: FormData(urlEncoded: ""),
            address: method == .get ? Self.addressWithoutLanguage(request) : "/board")
        do {
            if access != .anyone {
                guard let signedIn = context.signedIn, context.session != nil else {
                    return Pages.redirect("/signin?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
                }
                if signedIn.mustChangePassword && access != .signedInWithCode { return Pages.redirect("/password") }
                try access.permit(signedIn.person)
            }
            if method == .post {
                page.form = try await FormData.read(request, limit: pages.settings.maximumFormBody)
                if let session = context.session {
                    guard let token = page.form["_csrf"], Secrets.equal(token, Secrets.csrfToken(session: session)) else {
                        throw HTTPError(
                            .forbidden,
                            message: "this form is stale or was not sent from this site (missing or wrong CSRF token); nothing was recorded")
                    }
                }
            }
            var response = try await handle(request, context, page)
            if let choice = request.uri.queryParameters.get("lang"), Language(rawValue: choice) != nil {
                response.setCookie(Cookie(name: Pages.languageCookie, value: choice, maxAge: 365 * 86_400, path: "/", httpOnly: true, sameSite: .lax))
            }
            return response
        } catch {
            let (status, message) = ErrorMiddleware.describe(error, context: context)
            return try pages.error(status: status, message: message, page, requestID: context.requestID)
        }
    }
}

extension PageRoute {
    /// The page's own path and query without `lang`, for the language switch to come back to.
    static func addressWithoutLanguage(_ request: Request) -> String {
        let query = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }.joined(separator: "&")
        return request.uri.path + (query.isEmpty ? "" : "?" + query)
    }
}

/// What a page handler knows beyond the request: who is signed in, in which
/// language to answer, and the submitted form.
struct PageRequest: Sendable {
    let signedIn: SignedIn?
    let session: String?
    let language: Language
    var form: FormData
    /// Where this page is (path and query), for the language switch.
    var address = "/board"

    var strings: PageStrings { PageStrings(language) }

    /// The signed-in person (every route but `.anyone` has one).
    var person: Person {
        get throws {
            guard let signedIn else { throw HTTPError(.unauthorized, message: "sign in first") }
            return signedIn.person
        }
    }

    var actor: Actor {
        get throws {
            guard let signedIn else { throw HTTPError(.unauthorized, message: "sign in first") }
            return signedIn.actor
        }
    }
}
