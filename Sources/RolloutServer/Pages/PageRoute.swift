import HTTPTypes
import Hummingbird
import RolloutApp
import RolloutCore
import RolloutWeb

/// One page or form target: its method and path, who may use it, and what it
/// does. Unlike the API, a person who is not signed in is sent to the sign-in
/// page and one with a one-time code to the password page, before any handler
/// runs. The pages' group has read the form and checked its CSRF token
/// (`CSRFMiddleware`) and turns errors into an HTML page (`ErrorMiddleware`).
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

    func respond(_ request: Request, _ context: ServerContext) async throws -> Response {
        let page = PageRequest(
            signedIn: context.signedIn, session: context.session, language: Self.language(of: request),
            form: context.form ?? .empty, address: method == .get ? Self.addressWithoutLanguage(request) : "/board")
        if access != .anyone {
            guard let signedIn = context.signedIn, context.session != nil else {
                return Pages.redirect("/signin?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
            }
            if signedIn.mustChangePassword && access != .signedInWithCode { return Pages.redirect("/password") }
            try access.permit(signedIn.person)
        }
        var response = try await handle(request, context, page)
        if let choice = request.uri.queryParameters.get("lang"), Language(rawValue: choice) != nil {
            response.setCookie(Cookie(name: Pages.languageCookie, value: choice, maxAge: 365 * 86_400, path: "/", httpOnly: true, sameSite: .lax))
        }
        return response
    }
}

extension PageRoute {
    /// The language to answer in: `?lang=`, else the language cookie, else `Accept-Language`, else Chinese.
    static func language(of request: Request) -> Language {
        Language.negotiate(
            choice: request.uri.queryParameters.get("lang") ?? request.cookies[Pages.languageCookie]?.value,
            acceptLanguage: request.headers[.acceptLanguage])
    }

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

    var actor: Identity {
        get throws {
            guard let signedIn else { throw HTTPError(.unauthorized, message: "sign in first") }
            return signedIn.actor
        }
    }
}
