import AsyncHTTPClient
import NIOCore
import Synchronization

/// The webhook transport of a real run: an HTTP(S) POST through
/// AsyncHTTPClient, with a time limit on each whole exchange (connecting,
/// sending, the answer's head and its whole body): a webhook that stalls
/// halfway through its answer fails the attempt instead of holding the run.
/// Its TLS stack is compiled in (BoringSSL, through swift-nio-ssl): URLSession
/// on Linux would need the system's libcurl, which a binary built with
/// `--static-swift-stdlib` cannot link without the libcurl development files.
package struct HTTPWebhookTransport: WebhookTransport {
    package var timeout: TimeAmount

    package init(timeout: TimeAmount = .seconds(15)) { self.timeout = timeout }

    /// The error of an exchange that ran out of time.
    struct Stalled: Error, CustomStringConvertible {
        let timeout: TimeAmount
        var description: String { "the webhook did not finish answering within \(timeout.nanoseconds / 1_000_000_000) s" }
    }

    package func post(_ body: [UInt8], to url: String) async throws -> (status: Int, body: [UInt8]) {
        let timeout = timeout
        let answer = Answer()
        return try await withCheckedThrowingContinuation { continuation in
            answer.wait(with: continuation)
            let exchange = Task {
                do { answer.give(.success(try await Self.exchange(body, url, timeout: timeout))) } catch { answer.give(.failure(error)) }
            }
            // The deadline answers even if the exchange never notices its cancellation.
            Task {
                try? await Task.sleep(nanoseconds: UInt64(max(0, timeout.nanoseconds)))
                answer.give(.failure(Stalled(timeout: timeout)))
                exchange.cancel()
            }
        }
    }

    private static func exchange(_ body: [UInt8], _ url: String, timeout: TimeAmount) async throws -> (status: Int, body: [UInt8]) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let answer = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), Array(buffer: answer))
    }

    /// The first of the exchange's result and the deadline, handed over once.
    private final class Answer: Sendable {
        typealias Waiting = CheckedContinuation<(status: Int, body: [UInt8]), any Error>
        private let waiting = Mutex<(continuation: Waiting?, given: Bool)>((nil, false))

        func wait(with continuation: Waiting) {
            waiting.withLock { $0.continuation = continuation }
        }

        func give(_ result: Result<(status: Int, body: [UInt8]), any Error>) {
            let continuation = waiting.withLock { state -> Waiting? in
                guard !state.given else { return nil }
                state.given = true
                return state.continuation
            }
            continuation?.resume(with: result)
        }
    }
}
