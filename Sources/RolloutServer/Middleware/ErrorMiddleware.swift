import HTTPTypes
import Hummingbird
import RolloutApp
import RolloutCore
import RolloutStore
import RolloutWeb

/// Turns every error into a JSON body `{"error":{"message":…,"requestId":…}}`
/// (for a browser asking for a page, an HTML page with the same message) with the status a client can act on, the same message the CLI prints for
/// bad input, and nothing internal (no SQL, no paths, no stack); adds the
/// security headers to every response, errors included.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let pages: Pages

    /// A CSP without inline scripts, no sniffing, no framing, no referrer to other sites, no caching of private data.
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let (status, message) = Self.describe(error, context: context)
            let browser = request.headers[.accept]?.contains("text/html") ?? false
            if request.uri.path.hasPrefix("/api/") || !browser {
                response = try JSONBody(ErrorView(error: .init(message: message, requestId: context.requestID)), status: status)
                    .response(from: request, context: context)
            } else {
                let page = PageRequest(
                    signedIn: context.signedIn, session: context.session,
                    language: Language.negotiate(
                        choice: request.cookies[Pages.languageCookie]?.value, acceptLanguage: request.headers[.acceptLanguage]),
                    form: FormData(urlEncoded: ""))
                response = try pages.error(status: status, message: message, page, requestID: context.requestID)
            }
            if let error = error as? HTTPError { response.headers.append(contentsOf: error.headers) }
        }
        for field in Self.securityHeaders where !response.headers.contains(field.name) { response.headers.append(field) }
        return response
    }

    /// The status and the message a client sees for an error.
    static func describe(_ error: any Error, context: Context) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as HTTPError: return (error.status, error.body ?? error.status.reasonPhrase)
        case let error as InputError: return (.badRequest, error.message)
        case let error as InvalidAction: return (.badRequest, error.message)
        case let error as PlanError: return (.badRequest, "bad fixture: \(error)")
        case let error as PermissionDenied: return (.forbidden, error.message)
        case let error as SignInRefused:
            switch error {
            case .wrongCredentials: return (.unauthorized, error.description)
            case .throttled: return (.tooManyRequests, error.description)
            }
        case let error as StoreError: return describe(error, context: context)
        case let error as DecodingError: return (.badRequest, DecodingMessage.text(error))
        case let error as any HTTPResponseError: return (error.status, error.status.reasonPhrase)
        default:
            context.logger.error("unexpected error: \(String(reflecting: error))")
            return (.internalServerError, "unexpected error; the server log has the details under request id \(context.requestID)")
        }
    }

    private static func describe(_ error: StoreError, context: Context) -> (HTTPResponse.Status, String) {
        switch error {
        case .stale: return (.preconditionFailed, error.description)
        case .idempotencyConflict, .clockBehind: return (.conflict, error.description)
        case .busy, .readOnly: return (.serviceUnavailable, "the database cannot take writes right now; nothing was recorded; try again")
        case .unavailable:
            context.logger.error("database unreachable: \(error.description)")
            return (.serviceUnavailable, "the database cannot be reached right now; nothing was recorded; try again")
        case .unknownEntry, .unknownProblem: return (.notFound, error.description)
        case .diskFull, .diskFullPartway, .ioFailure:
            context.logger.error("storage failure: \(error.description)")
            return (.init(code: 507, reasonPhrase: "Insufficient Storage"), "the server's disk is full; nothing was recorded")
        case .sqlite, .noDatabase, .notARolloutDatabase, .newerSchema, .databaseExists, .unsuitableTarget, .cannotWrite, .badLocation, .copyFailed:
            context.logger.error("store failure: \(error.description)")
            return (.internalServerError, "unexpected error; the server log has the details under request id \(context.requestID)")
        case .unknownPerson: return (.forbidden, "you are not on the register (any more); nothing was recorded")
        case .invalid: return (.badRequest, error.description)
        }
    }
}

/// The JSON body of every error.
struct ErrorView: Encodable {
    struct Detail: Encodable {
        let message: String
        let requestId: String
    }
    let error: Detail
}
