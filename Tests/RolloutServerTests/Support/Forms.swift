import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Form bodies as a browser sends them, and the page requests of a signed-in browser.
enum Form {
    /// `application/x-www-form-urlencoded`.
    static func urlEncoded(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    static let boundary = "----rolloutTestBoundary7MA4YWxkTrZu0gW"

    /// `multipart/form-data` with fields and files (name, file name, bytes).
    static func multipart(_ fields: [(String, String)], files: [(String, String, [UInt8])]) -> ByteBuffer {
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for (name, filename, bytes) in files {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            body.writeBytes(bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return body
    }
}

extension Browser {
    /// Headers of a same-origin form post from this browser (the CSRF token travels in the form).
    func formHeaders(multipart: Bool = false) -> HTTPFields {
        [
            .cookie: cookie, .origin: "http://localhost",
            .contentType: multipart ? "multipart/form-data; boundary=\(Form.boundary)" : "application/x-www-form-urlencoded",
        ]
    }

    /// Headers of a page read.
    var pageHeaders: HTTPFields { [.cookie: cookie] }
}
