import RolloutStore

/// A kept evidence file as someone downloads it: its bytes and media type,
/// and the name the first entry naming it gave it (never a name from the
/// request, so a link cannot make a browser save a file as `x.html`).
package struct EvidenceDownload: Sendable, Equatable {
    package let content: EvidenceContent
    /// The file name an entry recorded for these bytes, or `evidence-` and the hash's start.
    package let name: String

    package var bytes: [UInt8] { content.bytes }
    package var mediaType: String { content.mediaType }
}
