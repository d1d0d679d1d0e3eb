import Foundation
import XCTest

/// The real `rollout serve` started from a `CLI`, and the sign-ins a test makes against it.
enum ServedCLI {
    /// A running server: its process, the address it printed, and its log.
    struct Server {
        let process: Process
        let address: String
        let log: Log
    }

    /// The server's standard error, read as it is written: a pipe nobody
    /// reads fills after 64 KiB of request log and blocks the server.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private let closed = DispatchSemaphore(value: 0)

        init(_ pipe: Pipe) {
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let chunk = handle.availableData
                guard let self else { return }
                if chunk.isEmpty {
                    handle.readabilityHandler = nil
                    closed.signal()
                } else {
                    lock.withLock { data.append(chunk) }
                }
            }
        }

        /// Everything the server wrote, once it has exited and closed its standard error.
        var whole: String {
            closed.wait()
            closed.signal()
            return lock.withLock { String(decoding: data, as: UTF8.self) }
        }

        /// Whether the server closed its standard error (it exits) within `seconds`.
        func closes(within seconds: Double) -> Bool {
            guard closed.wait(timeout: .now() + seconds) == .success else { return false }
            closed.signal()
            return true
        }
    }
}

extension CLI {
    /// Starts `rollout serve --port 0` (with `arguments`) and waits for the address it prints.
    func startServer(
        database: String? = nil, arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line
    ) throws -> ServedCLI.Server {
        let (process, out, errors) = try start(["serve", "--port", "0"] + arguments)
        var printed = Data()
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains(0x0A) {
            guard process.isRunning, Date() < deadline else {
                process.terminate()
                XCTFail(
                    "the server never printed its address: \(String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self))",
                    file: file, line: line)
                throw CocoaError(.fileReadUnknown)
            }
            printed.append(out.fileHandleForReading.availableData)
        }
        let printedLine = String(decoding: printed, as: UTF8.self).split(separator: "\n")[0]
        XCTAssertTrue(printedLine.hasPrefix("Serving \(database ?? databasePath) at http://127.0.0.1:"), String(printedLine), file: file, line: line)
        let address = String(printedLine.split(separator: " ").last ?? "")
        XCTAssertFalse(address.hasSuffix(":0"), "--port 0 prints the port it got", file: file, line: line)
        return ServedCLI.Server(process: process, address: address, log: ServedCLI.Log(errors))
    }

    /// Signs in with a one-time code and chooses a password; returns the session's cookie and CSRF headers.
    func signIn(_ login: String, client: HTTPClient, coordinator: String = "c001") throws -> [String: String] {
        let code = try expect(0, ["accounts", "reset", login, "--as", coordinator, "--json"]).stdout
        let oneTime = ((try JSONSerialization.jsonObject(with: Data(code.utf8))) as? [String: Any])?["oneTimeCode"] as? String ?? ""
        let signIn = try client.send("POST", "/api/v1/session", json: ["login": login, "password": oneTime])
        XCTAssertEqual(signIn.status, 200, signIn.text)
        let cookie = signIn.headers["set-cookie"]?.split(separator: ";").first.map(String.init) ?? ""
        let browser = ["Cookie": cookie, "X-CSRF-Token": signIn.json["csrfToken"] as? String ?? ""]
        XCTAssertEqual(
            try client.send("PUT", "/api/v1/password", json: ["current": oneTime, "new": "\(login)-password-9"], headers: browser).status, 204)
        return browser
    }

    /// Signs in and returns a bearer token.
    func apiToken(for login: String, client: HTTPClient) throws -> String {
        let token = try client.send("POST", "/api/v1/tokens", json: ["name": "test"], headers: try signIn(login, client: client))
        XCTAssertEqual(token.status, 201, token.text)
        return token.json["token"] as? String ?? ""
    }
}
