/// Posts a JSON body to a webhook and returns the answer: the one piece of
/// reminders that touches the network, injected so tests use a local receiver.
package protocol WebhookTransport: Sendable {
    /// Posts `body` (`Content-Type: application/json`) to `url`; throws when no answer came.
    func post(_ body: [UInt8], to url: String) async throws -> (status: Int, body: [UInt8])
}
