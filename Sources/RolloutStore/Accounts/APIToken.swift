/// A bearer token of the JSON API, known by its SHA-256; the token itself was shown once.
package struct APIToken: Equatable, Sendable {
    package let id: Int64
    package let login: String
    package let name: String
    package let createdAt: String
    package let expiresAt: String
    package let revokedAt: String?
}
