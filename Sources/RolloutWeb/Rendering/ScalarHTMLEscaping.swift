import Mustache

/// HTML escaping byte by byte, for every template (`PageRenderer` starts each
/// with `{{% CONTENT_TYPE: \(name)}}`).
///
/// The template library's own escaping looks at whole Swift `Character`s, so
/// a `"` followed by a combining mark (U+0301) is one grapheme that is not a
/// quote, stays unescaped, and ends the attribute it was typed into. The five
/// characters escaped here are single UTF-8 bytes that never occur inside a
/// multi-byte sequence, so looking at bytes escapes every one of them.
struct ScalarHTMLEscaping: MustacheContentType {
    /// The name the templates' pragma uses.
    static let name = "ROLLOUT_HTML"

    /// Registered with the template library once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(ScalarHTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        // Most values (names, dates, numbers) hold nothing to escape: returned as they are.
        guard text.utf8.contains(where: Self.escapes) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Whether `byte` is one of the five characters HTML escaping replaces.
    private static func escapes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
