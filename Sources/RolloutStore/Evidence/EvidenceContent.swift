import RolloutCore

/// The bytes of one evidence file, kept by SHA-256 beside the entries that name it.
package struct EvidenceContent: Sendable, Equatable {
    package var sha256: String
    package var mediaType: String
    package var bytes: [UInt8]

    /// The content with its hash computed here, so a record and its bytes cannot disagree.
    package init(mediaType: String, bytes: [UInt8]) {
        self.sha256 = SHA256Hex.digest(bytes)
        self.mediaType = mediaType
        self.bytes = bytes
    }

    /// The record an entry keeps of this file under `name`.
    package func evidence(name: String) -> Evidence {
        Evidence(name: name, sha256: sha256, size: Int64(bytes.count))
    }
}
