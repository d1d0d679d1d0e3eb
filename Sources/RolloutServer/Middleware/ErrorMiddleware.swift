import HTTPTypes
import Hummingbird
import NIOHTTP1
import RolloutApp
import RolloutCore
import RolloutWeb

/// Turns every error into a response with the status a client can act on and
/// the message in the client's words, and nothing internal (no SQL, no paths,
/// no stack). The API's group answers `{"error":{"message":…,"requestId":…}}`
/// naming its fields as the API does (`offices`, `If-Match`); the pages' group
/// answers an error page naming them as the forms do, in the page's language;
/// the router, for a path no route has, answers as the request's `Accept` asks.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// How errors are answered.
    enum Format: Sendable {
        /// JSON, with the API's field names.
        case json
        /// An HTML page, with the forms' labels.
        case page
        /// A page for a browser asking for HTML, else JSON.
        case negotiated
    }

    let pages: Pages
    let format: Format

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let browser = request.headers[.accept]?.contains("text/html") ?? false
            var response: Response
            if format == .json || (format == .negotiated && !browser) {
                let (status, message) = Self.describe(error, naming: APIFieldNames(), context: context)
                response = try JSONBody(ErrorView(error: .init(message: message, requestId: context.requestID)), status: status)
                    .response(from: request, context: context)
            } else {
                let page = PageRequest(
                    signedIn: context.signedIn, session: context.session, language: PageRoute.language(of: request),
                    form: context.form ?? .empty)
                let (status, message) = Self.describe(error, naming: FormFieldNames(strings: page.strings), context: context)
                response = try pages.error(status: status, message: message, page, requestID: context.requestID)
            }
            if let error = error as? HTTPError { response.headers.append(contentsOf: error.headers) }
            return response
        }
    }

    /// The status and the message a client sees for an error: the status from
    /// the error's class (`Failure.codes`, the same table as the CLI's exit
    /// codes), the message as the CLI gives it but with `naming`'s field names,
    /// except that faults of the server (its database, its disk, its program)
    /// are named without any detail.
    static func describe(_ error: any Error, naming: some FieldNaming, context: Context) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as HTTPError: return (error.status, error.body ?? error.status.reasonPhrase)
        case let error as HTTPParserError: return (.badRequest, "the request is not well-formed HTTP (\(error)); nothing was recorded")
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
            if let message = Failure.clientMessage(of: error, naming: naming) { return (status, message) }
            context.logger.error("store failure: \(error)")
            return (status, "unexpected error; the server log has the details under request id \(context.requestID)")
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
