import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small blocking HTTP client for tests against a server on this machine.
struct HTTPClient: Sendable {
    struct Reply: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    let base: String
    /// How long a request may wait for its answer before it fails with `URLError(.timedOut)`.
    var timeout: TimeInterval = 60

    /// Sends one request and waits for the answer (at most `timeout`).
    func send(_ method: String, _ path: String, json: Any? = nil, headers: [String: String] = [:]) throws -> Reply {
        try send(method, path, body: try json.map { try JSONSerialization.data(withJSONObject: $0) }, type: "application/json", headers: headers)
    }

    /// Posts a form as a browser does (URL-encoded fields, in order) and waits for the answer, following a redirect.
    func post(_ path: String, form fields: [(String, String)], headers: [String: String] = [:]) throws -> Reply {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return try send("POST", path, body: Data(body.utf8), type: "application/x-www-form-urlencoded", headers: headers)
    }

    private func send(_ method: String, _ path: String, body: Data?, type: String, headers: [String: String]) throws -> Reply {
        guard let url = URL(string: base + path) else { throw URLError(.badURL) }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = body
            request.setValue(type, forHTTPHeaderField: "Content-Type")
        }
        let box = ReplyBox()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            let http = response as? HTTPURLResponse
            var fields: [String: String] = [:]
            for (key, value) in http?.allHeaderFields ?? [:] { fields[String(describing: key).lowercased()] = String(describing: value) }
            box.set(error.map { .failure($0) } ?? .success(Reply(status: http?.statusCode ?? 0, headers: fields, body: data ?? Data())))
            done.signal()
        }
        task.resume()
        guard done.wait(timeout: .now() + timeout) == .success else {
            task.cancel()
            throw URLError(.timedOut)
        }
        return try box.get()
    }

    /// Holds the answer handed over from URLSession's queue.
    private final class ReplyBox: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<Reply, any Error> = .failure(URLError(.unknown))

        func set(_ value: Result<Reply, any Error>) { lock.withLock { result = value } }
        func get() throws -> Reply { try lock.withLock { try result.get() } }
    }
}
