import Foundation
import HTTPTypes
import Hummingbird

/// A JSON response in the form the CLI's `--json` prints: sorted keys,
/// UTF-8 unescaped, with a status.
struct JSONBody<Value: Encodable>: ResponseGenerator {
    let value: Value
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]

    init(_ value: Value, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) {
        self.value = value
        self.status = status
        self.headers = headers
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

/// The message of a body that is not the JSON a route expects, naming the field.
enum DecodingMessage {
    static func text(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).filter { !$0.isEmpty }
            return keys.isEmpty ? "the body" : "field \"\(keys.joined(separator: "."))\""
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.map(\.stringValue)
            return "missing field \"\((parent + [key.stringValue]).joined(separator: "."))\"; expected it in the JSON body"
        case .typeMismatch(let type, let context): return "\(path(context)) has the wrong type; expected \(Self.name(of: type))"
        case .valueNotFound(let type, let context): return "\(path(context)) is null; expected \(Self.name(of: type))"
        case .dataCorrupted(let context): return "\(path(context)) is not valid JSON or has an invalid value"
        @unknown default: return "the body is not the JSON this route expects"
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of strings"
        case is [Int64].Type: "a list of whole numbers"
        default: "\(type)"
        }
    }
}
