import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import RolloutApp

/// A submitted form: its fields (each possibly repeated) and its files, from
/// `application/x-www-form-urlencoded` or `multipart/form-data`.
struct FormData: Sendable {
    private(set) var fields: [String: [String]] = [:]
    private(set) var files: [EvidenceUpload] = []

    /// A form with no fields (a page shown before anything was sent).
    static let empty = FormData()

    /// The one value of a field, trimmed; nil when missing or empty.
    subscript(_ name: String) -> String? {
        fields[name]?.first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every non-empty value of a repeated field (checkboxes).
    func all(_ name: String) -> [String] { (fields[name] ?? []).filter { !$0.isEmpty } }

    /// A required field, or a 400 naming it.
    func require(_ name: String, _ label: String) throws -> String {
        guard let value = self[name] else { throw InputError("\(label) is missing; please fill it in") }
        return value
    }

    /// Reads the body of a form post; anything else is a 415.
    static func read(_ request: Request, limit: Int) async throws -> FormData {
        let type = request.headers[.contentType] ?? ""
        let body = try await request.body.collect(upTo: limit)
        if type.hasPrefix("application/x-www-form-urlencoded") {
            guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
                throw InputError("the form is not valid UTF-8; nothing was recorded")
            }
            return try FormData(urlEncoded: text)
        }
        if type.hasPrefix("multipart/form-data"), let boundary = Self.boundary(type) {
            return try FormData(multipart: body, boundary: boundary)
        }
        throw HTTPError(.unsupportedMediaType, message: "a form must be sent as application/x-www-form-urlencoded or multipart/form-data")
    }

    private init() {}

    /// The fields of a URL-encoded form; a field whose percent-encoding is
    /// broken or is not UTF-8 (`%FF`) is refused, never stored as typed.
    init(urlEncoded text: String) throws {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) throws -> String {
                guard let decoded = String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw InputError("a form field is not valid percent-encoded UTF-8; nothing was recorded")
                }
                return decoded
            }
            fields[try decode(parts[0]), default: []].append(parts.count > 1 ? try decode(parts[1]) : "")
        }
    }

    init(multipart body: ByteBuffer, boundary: String) throws {
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var bytes: [UInt8] = []
        var parts: [(headers: [String: String], bytes: [UInt8])] = []
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            parts.append((headers, bytes))
            headers = [:]
            bytes = []
        }
        do {
            try parser.execute(body)
        } catch {
            throw InputError("the form could not be read (malformed multipart body); nothing was recorded")
        }
        for part in parts {
            guard let disposition = part.headers["content-disposition"], let name = Self.parameter("name", in: disposition) else { continue }
            if let filename = Self.parameter("filename", in: disposition) {
                if !filename.isEmpty || !part.bytes.isEmpty { files.append(EvidenceUpload(name: filename, bytes: part.bytes)) }
            } else {
                guard let value = String(validating: part.bytes, as: UTF8.self) else {
                    throw InputError("the form field \(name) is not valid UTF-8; nothing was recorded")
                }
                fields[name, default: []].append(value)
            }
        }
    }

    /// The boundary parameter of a multipart content type.
    private static func boundary(_ contentType: String) -> String? {
        parameter("boundary", in: contentType)
    }

    /// A `name="value"` (or bare `name=value`) parameter of a header value.
    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.replacingOccurrences(of: "%22", with: "\"")
        }
        return nil
    }
}
