/// Reads JSON text into a `CanonicalJSON` value: objects, arrays, strings
/// (with all JSON escapes), integers, booleans and null. Small and fast enough
/// to decode every stored entry's `detail` and `evidence` during verification.
///
/// Strict, exactly as `docs/verify_export.py` is (rules in `docs/audit.md`):
/// integers only, within 64 bits, without leading zeros; no fractions,
/// exponents, `NaN` or `Infinity`; no raw control characters in strings and no
/// unpaired surrogate escapes; no duplicate keys; at most `maximumDepth`
/// nested arrays and objects; nothing but whitespace after the value.
package enum CanonicalJSONParser {
    /// The deepest nesting of arrays and objects accepted (the outermost counts as 1).
    /// An entry line needs 3; the limit keeps a hostile line from exhausting the stack.
    package static let maximumDepth = 32

    /// The value, or nil when the text is not such JSON.
    package static func parse(_ text: String) -> CanonicalJSON? {
        try? parse(bytes: Array(text.utf8))
    }

    /// The value of UTF-8 `bytes` (already known to be valid UTF-8), or why it is not such JSON.
    package static func parse(bytes: [UInt8]) throws(JSONSyntaxError) -> CanonicalJSON {
        var parser = Parser(bytes: bytes, skipped: [])
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else {
            throw JSONSyntaxError(offset: parser.index, "unexpected \(parser.found()) after the value; expected the end of the line")
        }
        return value
    }

    /// The value with the members named in `skipped` left out of the top-level
    /// object, their text passed over without building values (the 40,000
    /// offices of a national plan document, read from their own table instead).
    package static func parse(_ text: String, skippingTopLevel skipped: Set<String>) -> CanonicalJSON? {
        var parser = Parser(bytes: Array(text.utf8), skipped: skipped)
        guard let value = try? parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == parser.bytes.count ? value : nil
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        /// Members of the top-level object to pass over.
        let skipped: Set<String>
        /// Arrays and objects open around the current position.
        var depth = 0

        init(bytes: [UInt8], skipped: Set<String>) {
            self.bytes = bytes
            self.skipped = skipped
        }

        func fail(_ message: String) -> JSONSyntaxError { JSONSyntaxError(offset: index, message) }

        /// The byte at `index`, described for a message.
        func found() -> String {
            guard index < bytes.count else { return "the end of the line" }
            let byte = bytes[index]
            return (0x21..<0x7F).contains(byte) ? "\"\(Character(Unicode.Scalar(byte)))\"" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }

        /// Passes over one value, checking only that brackets and strings close.
        mutating func skipValue() throws(JSONSyntaxError) {
            skipSpace()
            guard index < bytes.count else { throw fail("the line ends where a value was expected") }
            guard bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") else { _ = try value(); return }
            var open = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    _ = try string()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): open += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    open -= 1
                    if open == 0 { index += 1; return }
                default: break
                }
                index += 1
            }
            throw fail("the line ends inside an array or object")
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws(JSONSyntaxError) -> CanonicalJSON {
            skipSpace()
            guard index < bytes.count else { throw fail("the line ends where a value was expected") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try integer()
            default: throw fail("unexpected \(found()); expected a JSON value (object, array, string, integer, true, false or null)")
            }
        }

        mutating func literal(_ word: StaticString, _ result: CanonicalJSON) throws(JSONSyntaxError) -> CanonicalJSON {
            let count = word.utf8CodeUnitCount
            let matches = word.withUTF8Buffer { expected in
                index + count <= bytes.count && bytes[index..<index + count].elementsEqual(expected)
            }
            guard matches else { throw fail("unexpected \(found()); expected \(word)") }
            index += count
            return result
        }

        mutating func integer() throws(JSONSyntaxError) -> CanonicalJSON {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digits = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard index > digits else {
                index = start; throw fail("\"-\" is not followed by digits; expected an integer (NaN and Infinity are not JSON)")
            }
            guard bytes[digits] != UInt8(ascii: "0") || index == digits + 1 else {
                index = start
                throw fail("the number \(text.prefix(40)) has a leading zero; expected an integer without one")
            }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
                let numberChars = Set("0123456789.eE+-".utf8)
                let end = bytes[index...].prefix(40).firstIndex { !numberChars.contains($0) } ?? min(bytes.count, index + 40)
                let whole = String(decoding: bytes[start..<end], as: UTF8.self)
                index = start
                throw fail("the number \(whole) has a fraction or exponent; expected an integer")
            }
            guard let number = Int64(text) else {
                index = start
                throw fail(
                    "the integer \(text.prefix(40))\(text.count > 40 ? "..." : "") is out of range; expected -9223372036854775808 to 9223372036854775807"
                )
            }
            return .int(number)
        }

        mutating func string() throws(JSONSyntaxError) -> String {
            index += 1
            if let end = bytes[index...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }),
                bytes[end] == UInt8(ascii: "\"")
            {
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
                guard byte >= 0x20 else {
                    throw fail("a raw control character U+\(hex(UInt32(byte))) in a string; expected it escaped (\\n, \\t, \\u00XX)")
                }
                guard byte == UInt8(ascii: "\\") else { index += 1; continue }
                flush(index)
                index += 1
                guard index < bytes.count else { throw fail("the line ends inside a string") }
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
                    let escapeStart = index - 2
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            index = escapeStart
                            throw fail("the escape \\u\(hex(code)) is an unpaired surrogate; expected it followed by a low surrogate \\uDC00-\\uDFFF")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else {
                            index = escapeStart
                            throw fail("the escape \\u\(hex(code)) is followed by \\u\(hex(low)), not a low surrogate; expected \\uDC00-\\uDFFF")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        index = escapeStart
                        throw fail("the escape \\u\(hex(code)) is an unpaired surrogate; expected a character or a surrogate pair")
                    }
                    UTF8.encode(scalar) { text.append($0) }
                default:
                    index -= 2
                    throw fail("unknown escape \\\(Character(Unicode.Scalar(escape))); expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                }
                runStart = index
            }
            throw fail("the line ends inside a string")
        }

        func hex(_ code: UInt32) -> String {
            let digits = String(code, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }

        /// Four hex digits, each checked (`UInt32(_:radix:)` would also take a sign).
        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            var code: UInt32 = 0
            for offset in 0..<4 {
                guard index + offset < bytes.count, let digit = Self.hexValue(bytes[index + offset]) else {
                    throw fail("\\u needs four hex digits")
                }
                code = code << 4 | digit
            }
            index += 4
            return code
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        /// Enters an array or object, refusing to go deeper than the limit.
        mutating func enter() throws(JSONSyntaxError) {
            depth += 1
            guard depth <= CanonicalJSONParser.maximumDepth else {
                throw fail("arrays and objects are nested deeper than \(CanonicalJSONParser.maximumDepth) levels")
            }
            index += 1
        }

        mutating func array() throws(JSONSyntaxError) -> CanonicalJSON {
            try enter()
            defer { depth -= 1 }
            var values: [CanonicalJSON] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
            while true {
                values.append(try value())
                skipSpace()
                guard index < bytes.count else { throw fail("the line ends inside an array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
                throw fail("unexpected \(found()) in an array; expected \",\" or \"]\"")
            }
        }

        mutating func object() throws(JSONSyntaxError) -> CanonicalJSON {
            try enter()
            defer { depth -= 1 }
            var members: [String: CanonicalJSON] = [:]
            var skippedSeen: Set<String> = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw fail("unexpected \(found()); expected a key in double quotes")
                }
                let keyStart = index
                let key = try string()
                guard members[key] == nil, !skippedSeen.contains(key) else {
                    index = keyStart
                    throw fail("the key \"\(key.prefix(40))\" appears twice in one object; expected each key once")
                }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("unexpected \(found()) after a key; expected \":\"") }
                index += 1
                if depth == 1 && skipped.contains(key) {
                    try skipValue()
                    skippedSeen.insert(key)
                } else {
                    members[key] = try value()
                }
                skipSpace()
                guard index < bytes.count else { throw fail("the line ends inside an object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw fail("unexpected \(found()) in an object; expected \",\" or \"}\"")
            }
        }
    }
}
