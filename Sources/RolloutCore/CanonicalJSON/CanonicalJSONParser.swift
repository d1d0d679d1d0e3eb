/// Reads JSON text into a `CanonicalJSON` value: objects, arrays, strings
/// (with all JSON escapes), integers, booleans and null. Small and fast enough
/// to decode every stored entry's `detail` and `evidence` during verification.
package enum CanonicalJSONParser {
    /// The value, or nil when the text is not such JSON.
    package static func parse(_ text: String) -> CanonicalJSON? {
        parse(text, skippingTopLevel: [])
    }

    /// The value with the members named in `skipped` left out of the top-level
    /// object, their text passed over without building values (the 40,000
    /// offices of a national plan document, read from their own table instead).
    package static func parse(_ text: String, skippingTopLevel skipped: Set<String>) -> CanonicalJSON? {
        var parser = Parser(bytes: Array(text.utf8), skipped: skipped)
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == parser.bytes.count ? value : nil
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        /// Members of the top-level object to pass over.
        let skipped: Set<String>
        var depth = 0

        init(bytes: [UInt8], skipped: Set<String>) {
            self.bytes = bytes
            self.skipped = skipped
        }

        /// Passes over one value, checking only that brackets and strings close.
        mutating func skipValue() -> Bool {
            skipSpace()
            guard index < bytes.count else { return false }
            guard bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") else { return value() != nil }
            var open = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard string() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): open += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    open -= 1
                    if open == 0 { index += 1; return true }
                default: break
                }
                index += 1
            }
            return false
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> CanonicalJSON? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string().map(CanonicalJSON.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return integer()
            }
        }

        mutating func literal(_ word: String, _ result: CanonicalJSON) -> CanonicalJSON? {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else { return nil }
            index += expected.count
            return result
        }

        mutating func integer() -> CanonicalJSON? {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > start, let number = Int64(String(decoding: bytes[start..<index], as: UTF8.self)) else { return nil }
            return .int(number)
        }

        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            if let end = bytes[index...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }), bytes[end] == UInt8(ascii: "\"") {
                defer { index = end + 1 }
                return String(decoding: bytes[index..<end], as: UTF8.self)
            }
            // With escapes: the text is gathered as UTF-8 bytes, then made a string once.
            var text: [UInt8] = []
            var runStart = index
            func flush(_ end: Int) { text.append(contentsOf: bytes[runStart..<end]) }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    flush(index)
                    index += 1
                    return String(decoding: text, as: UTF8.self)
                }
                guard byte == UInt8(ascii: "\\") else { index += 1; continue }
                flush(index)
                index += 1
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "u"):
                    guard var code = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { return nil }
                    UTF8.encode(scalar) { text.append($0) }
                default: return nil
                }
                runStart = index
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else { return nil }
            index += 4
            return code
        }

        mutating func array() -> CanonicalJSON? {
            index += 1
            var values: [CanonicalJSON] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
            while true {
                guard let next = value() else { return nil }
                values.append(next)
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
                return nil
            }
        }

        mutating func object() -> CanonicalJSON? {
            index += 1
            depth += 1
            defer { depth -= 1 }
            var members: [String: CanonicalJSON] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                if depth == 1 && skipped.contains(key) {
                    guard skipValue() else { return nil }
                } else {
                    guard let next = value() else { return nil }
                    members[key] = next
                }
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                return nil
            }
        }
    }
}
