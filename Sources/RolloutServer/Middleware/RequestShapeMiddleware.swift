import HTTPTypes
import Hummingbird

/// Refuses requests no browser or client of ours sends, before anything reads
/// them: without a `Host` (HTTP/1.1 requires one), or with a path holding `//`
/// (`GET //board` would otherwise serve the board at an address from which its
/// relative links lead to a host named `board`).
struct RequestShapeMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let host = request.head.authority, !host.isEmpty else {
            throw HTTPError(.badRequest, message: "the request has no Host header; expected one, as HTTP/1.1 requires")
        }
        let path = request.uri.path
        guard !path.contains("//"), !(path.removingPercentEncoding ?? path).contains("//") else {
            throw HTTPError(.notFound, message: "no page or API route at \(Self.shown(path))")
        }
        return try await next(request, context)
    }

    /// A path as an error message may show it: control characters escaped.
    private static func shown(_ path: String) -> String {
        String(path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())
    }
}
