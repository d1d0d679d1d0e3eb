import HTTPTypes
import Hummingbird

/// Answers a request for a path the API has with a method it does not take
/// with 405 and an `Allow` header listing the methods it does take, instead
/// of the router's 404, which would say the path does not exist.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// Each route's path as segments (`:name` matches any one segment) and its method.
    private let routes: [(segments: [Substring], method: HTTPRequest.Method)]

    init(routes: [(method: HTTPRequest.Method, path: String)]) {
        self.routes = routes.map { (Self.segments($0.path), $0.method) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = Self.segments(request.uri.path)
        let methods = routes.filter { Self.matches($0.segments, path) }.map(\.method)
        if !methods.isEmpty, !methods.contains(request.method) {
            let allowed = methods.map(\.rawValue).joined(separator: ", ")
            throw HTTPError(
                .methodNotAllowed, headers: [.allow: allowed],
                message: "\(request.method.rawValue) is not allowed on \(request.uri.path); expected \(allowed)")
        }
        return try await next(request, context)
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        pattern.count == path.count && zip(pattern, path).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
    }
}
