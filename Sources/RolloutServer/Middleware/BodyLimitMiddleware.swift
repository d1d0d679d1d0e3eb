import HTTPTypes
import Hummingbird
import NIOCore

/// Refuses a request whose body is larger than the group's limit: by its
/// declared length before reading it, and while collecting a chunked one. The
/// JSON API has the smaller limit; the pages' forms may carry evidence files.
/// Before sign-in every request has the small `anonymousMaximum` (a sign-in
/// form is tiny), so a stranger cannot make the server buffer megabytes.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let maximum: Int
    /// The limit for a request that is not signed in.
    static let anonymousMaximum = 64 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let maximum = context.signedIn == nil ? min(maximum, Self.anonymousMaximum) : maximum
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximum {
            throw HTTPError(.contentTooLarge, message: "the request body has \(length) bytes; expected at most \(maximum)")
        }
        var request = request
        if request.method != .get && request.method != .head {
            do {
                _ = try await request.collectBody(upTo: maximum)
            } catch is NIOTooManyBytesError {
                throw HTTPError(.contentTooLarge, message: "the request body is larger than \(maximum) bytes")
            }
        }
        return try await next(request, context)
    }
}
