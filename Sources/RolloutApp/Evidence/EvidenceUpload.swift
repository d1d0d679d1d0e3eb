import RolloutCore
import RolloutStore

/// A file someone offers as evidence, as read from disk or a form: its name and bytes.
package struct EvidenceUpload: Sendable, Equatable {
    package var name: String
    package var bytes: [UInt8]

    package init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The most one file may hold.
    package static let maximumBytes = 10 << 20

    /// The kinds of file accepted, by extension: scans, photos, documents and
    /// sheets an office produces. Anything a browser would run (HTML, SVG,
    /// scripts) is refused.
    package static let mediaTypes: [String: String] = [
        "pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
        "webp": "image/webp", "txt": "text/plain", "csv": "text/csv", "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ofd": "application/ofd",
    ]

    /// The content to keep, or an error naming the file and what is accepted.
    package func checked() throws -> EvidenceContent {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.contains(where: { $0 == "/" || $0 == "\\" || $0.isNewline }) else {
            throw InputError("invalid evidence file name \"\(name)\"; expected a plain file name of at most 200 characters")
        }
        let fileExtension = trimmed.split(separator: ".").count > 1 ? trimmed.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        guard let mediaType = Self.mediaTypes[fileExtension] else {
            throw InputError(
                "evidence file \(name) is not an accepted kind; expected one of: \(Self.mediaTypes.keys.sorted().joined(separator: ", "))")
        }
        guard bytes.count <= Self.maximumBytes else {
            throw InputError("evidence file \(name) is \(bytes.count) bytes; the most one file may hold is \(Self.maximumBytes) bytes (10 MiB)")
        }
        return EvidenceContent(mediaType: mediaType, bytes: bytes)
    }
}
