import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: gives each request an id (also sent back as
/// `X-Request-Id`) and logs one structured line per request: method, path,
/// status, duration and who acted.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    static let header = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.requestID = UUID().uuidString.lowercased()
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[Self.header] = context.requestID
        let milliseconds = Double((ContinuousClock.now - start) / .microseconds(1)) / 1000
        var metadata: Logger.Metadata = [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path), "status": .stringConvertible(response.status.code),
            "ms": .string(String(format: "%.1f", milliseconds)),
        ]
        if let identity = context.record.identity {
            metadata["login"] = .string(identity.login)
            metadata["auth"] = .string(identity.authentication)
        }
        context.logger.info("request", metadata: metadata)
        return response
    }
}
