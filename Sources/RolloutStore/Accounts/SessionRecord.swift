/// A signed-in browser, known by the SHA-256 of its session id.
package struct SessionRecord: Equatable, Sendable {
    package let idHash: String
    package let login: String
    package let createdAt: String
    package let lastSeen: String
}
