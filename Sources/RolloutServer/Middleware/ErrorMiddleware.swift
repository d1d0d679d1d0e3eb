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

    /// The status and the message a client sees for an error: the status from
    /// the error's class (`Failure.codes`, the same table as the CLI's exit
    /// codes), the message the CLI prints, except that faults of the server
    /// (its database, its disk, its program) are named without any detail.
    static func describe(_ error: any Error, context: Context) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as HTTPError: return (error.status, error.body ?? error.status.reasonPhrase)
        case let error as DecodingError: return (.badRequest, DecodingMessage.text(error))
        case let error as any HTTPResponseError: return (error.status, error.status.reasonPhrase)
        default: break
        }
        let failure = Failure(of: error)
        let status = HTTPResponse.Status(code: failure.codes.status)
        switch failure {
        case .internal:
            context.logger.error("unexpected error: \(String(reflecting: error))")
            return (status, "unexpected error; the server log has the details under request id \(context.requestID)")
        case .unavailable:
            context.logger.error("database unavailable: \(error)")
            return (status, "the database cannot take this request right now; nothing was recorded; try again")
        case .storageFull:
            context.logger.error("storage failure: \(error)")
            return (status, "the server's disk is full; nothing was recorded")
        case .badInput, .notFound, .notAllowed, .notSignedIn, .throttled, .stale, .conflict:
            if let error = error as? StoreError { return (status, clientMessage(error, context: context)) }
            return (status, (error as? PlanError).map { "bad fixture: \($0)" } ?? "\(error)")
        }
    }

    /// A store error's message as a client may read it: about the request, or,
    /// for the server's own database location, nothing but the request id.
    private static func clientMessage(_ error: StoreError, context: Context) -> String {
        switch error {
        case .unknownPerson: return "you are not on the register (any more); nothing was recorded"
        case .stale, .idempotencyConflict, .clockBehind, .unknownEntry, .unknownProblem, .invalid: return error.description
        case .noDatabase, .databaseExists, .notARolloutDatabase, .newerSchema, .badLocation, .unsuitableTarget, .cannotWrite, .busy,
            .readOnly, .unavailable, .diskFull, .diskFullPartway, .ioFailure, .sqlite, .copyFailed:
            context.logger.error("store failure: \(error.description)")
            return "unexpected error; the server log has the details under request id \(context.requestID)"
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
