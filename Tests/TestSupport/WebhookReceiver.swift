import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A webhook on this machine for tests: an HTTP/1.1 listener on 127.0.0.1 and
/// a free port that records every POST body and answers from a script (the
/// last answer repeats), one connection at a time. Never a real endpoint.
public final class WebhookReceiver: @unchecked Sendable {
    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var script: [(status: Int, body: String)]
    private var received: [String] = []
    private let stalls: Bool

    /// The URL to post to, with `path` (e.g. a robot's `/cgi-bin/webhook/send?key=test`).
    public func url(_ path: String = "/hook") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every body received so far, in order.
    public var bodies: [String] { lock.withLock { received } }

    /// Starts listening; `answers` are given in turn, the last one for every later request.
    /// A receiver that `stalls` promises a 100,000-byte answer, sends its first
    /// 45 bytes and then nothing more until the client gives up.
    public init(answers: [(status: Int, body: String)] = [(200, #"{"errcode":0,"errmsg":"ok"}"#)], stalls: Bool = false) throws {
        script = answers
        self.stalls = stalls
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        guard bound == 0, named == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in serve() }
    }

    /// Stops listening.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ connection: Int32) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var headerEnd: Int?
        var expected = Int.max
        var continued = false
        while data.count < expected {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { break }
            data += buffer[0..<count]
            if headerEnd == nil, let end = Self.find([13, 10, 13, 10], in: data) {
                headerEnd = end + 4
                let header = String(decoding: data[0..<end], as: UTF8.self).lowercased()
                let length =
                    header.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                expected = end + 4 + length
                if header.contains("expect: 100-continue"), !continued {
                    continued = true
                    _ = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8).withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
                }
            }
        }
        let body = String(decoding: data[(headerEnd ?? data.count)...], as: UTF8.self)
        let answer = lock.withLock { () -> (status: Int, body: String) in
            received.append(body)
            return script.count > 1 ? script.removeFirst() : script[0]
        }
        if stalls {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n" + String(repeating: " ", count: 45)
            _ = Array(head.utf8).withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            while read(connection, &buffer, buffer.count) > 0 {}
            return
        }
        let reply =
            "HTTP/1.1 \(answer.status) Answer\r\nContent-Type: application/json\r\nContent-Length: \(answer.body.utf8.count)\r\nConnection: close\r\n\r\n\(answer.body)"
        _ = Array(reply.utf8).withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
