import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// HTTP as an attacker sends it, over raw sockets to the real server:
/// connections that send nothing or never finish their headers are closed
/// after `--idle-timeout` (they cannot use up its files), and requests without
/// a Host, with a path of `//` or with a malformed chunked body are refused.
final class ConnectionTests: XCTestCase {
    func testIdleAndUnfinishedConnectionsAreClosedAfterTheIdleTimeout() throws {
        var cli = try CLI()
        defer { cli.remove() }
        cli.environment["ROLLOUT_NOW"] = nil
        try cli.expect(0, ["init", "--coordinator", "王敏", "--login", "c001"])
        let server = try cli.startServer(arguments: ["--idle-timeout", "1"])
        defer { if server.process.isRunning { server.process.terminate() } }
        let port = try XCTUnwrap(server.address.split(separator: ":").last.flatMap { UInt16($0) })

        // Twenty connections that say nothing, and ten that stop halfway through their headers.
        var sockets: [Int32] = []
        defer { for socket in sockets { close(socket) } }
        for number in 0..<30 {
            let socket = try Self.connect(port: port)
            sockets.append(socket)
            if number >= 20 {
                let partial = Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
                XCTAssertEqual(partial.withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }, partial.count)
            }
        }
        // Each read waits at most ten seconds: a connection still open then was not closed.
        for (number, socket) in sockets.enumerated() {
            var buffer = [UInt8](repeating: 0, count: 1024)
            let count = read(socket, &buffer, buffer.count)
            XCTAssertEqual(count, 0, "connection \(number) was closed by the server (read gave \(count), errno \(errno))")
        }
        let health = try HTTPClient(base: server.address).send("GET", "/healthz")
        XCTAssertEqual(health.status, 200)
    }

    func testRequestsWithoutAHostOrWithADoubleSlashPathAreRefused() throws {
        var cli = try CLI()
        defer { cli.remove() }
        cli.environment["ROLLOUT_NOW"] = nil
        try cli.expect(0, ["init", "--coordinator", "王敏", "--login", "c001"])
        let server = try cli.startServer()
        defer { if server.process.isRunning { server.process.terminate() } }
        let port = try XCTUnwrap(server.address.split(separator: ":").last.flatMap { UInt16($0) })
        for (request, status) in [
            ("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", "200"),
            ("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n", "400"),
            ("GET /healthz HTTP/1.0\r\n\r\n", "400"),
            ("GET //board HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n", "404"),
            ("GET /%2F/board HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", "404"),
            (
                "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n", "400"
            ),
        ] {
            let answer = try Self.exchange(request, port: port)
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 \(status) "), "\(request.debugDescription) answered \(answer.prefix(200).debugDescription)")
            XCTAssertFalse(answer.contains("href=\"//"), "no link of the answer leads to another host")
        }
    }

    /// Sends `request` and reads the answer until the server closes the connection.
    private static func exchange(_ request: String, port: UInt16) throws -> String {
        let socket = try connect(port: port)
        defer { close(socket) }
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ write(socket, $0.baseAddress, $0.count) }) == bytes.count else { throw POSIXError(.EPIPE) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            guard count > 0 else { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    /// A TCP connection to 127.0.0.1:`port` whose reads give up after ten seconds.
    private static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var wait = timeval(tv_sec: 10, tv_usec: 0)
        let limited = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        guard connected == 0, limited == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        return fd
    }
}
