/// A file offered as evidence: its name, SHA-256 and size; the content is not stored.
package struct Evidence: Codable, Equatable, Sendable {
    package var name: String
    package var sha256: String
    package var size: Int64

    package init(name: String, sha256: String, size: Int64) {
        self.name = name
        self.sha256 = sha256
        self.size = size
    }

    /// The canonical encoding of this evidence record.
    package var canonicalValue: CanonicalJSON {
        .object(["name": .string(name), "sha256": .string(sha256), "size": .int(size)])
    }
}
