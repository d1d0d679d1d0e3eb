import AsyncHTTPClient
import NIOCore

/// The webhook transport of a real run: an HTTP(S) POST through
/// AsyncHTTPClient, with a time limit per attempt. Its TLS stack is compiled
/// in (BoringSSL, through swift-nio-ssl): URLSession on Linux would need the
/// system's libcurl, which a binary built with `--static-swift-stdlib` cannot
/// link without the libcurl development files.
package struct HTTPWebhookTransport: WebhookTransport {
    package var timeout: TimeAmount

    package init(timeout: TimeAmount = .seconds(15)) { self.timeout = timeout }

    package func post(_ body: [UInt8], to url: String) async throws -> (status: Int, body: [UInt8]) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let answer = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), Array(buffer: answer))
    }
}
