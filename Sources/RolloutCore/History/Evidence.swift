/// A file offered as evidence: its name, SHA-256 and size; the content is not stored.
public struct Evidence: Codable, Equatable, Sendable {
    public var name: String
    public var sha256: String
    public var size: Int64

    public init(name: String, sha256: String, size: Int64) {
        self.name = name
        self.sha256 = sha256
        self.size = size
    }

    /// The canonical encoding of this evidence record.
    public var canonicalValue: CanonicalJSON {
        .object(["name": .string(name), "sha256": .string(sha256), "size": .int(size)])
    }
}
