import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The webhook transport of a real run: an HTTP(S) POST through URLSession
/// (libcurl on Linux, so https:// endpoints such as the WeCom and DingTalk
/// robots work), with a time limit per attempt.
package struct HTTPWebhookTransport: WebhookTransport {
    package var timeout: TimeInterval

    package init(timeout: TimeInterval = 15) { self.timeout = timeout }

    package func post(_ body: [UInt8], to url: String) async throws -> (status: Int, body: [UInt8]) {
        guard let address = URL(string: url) else { throw InputError("invalid webhook \"\(url)\"; expected an http:// or https:// address") }
        var request = URLRequest(url: address, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body)
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: ((response as? HTTPURLResponse)?.statusCode ?? 0, [UInt8](data ?? Data())))
                }
            }.resume()
        }
    }
}
