/// A JSON value with one byte-exact serialisation, used wherever a hash is taken.
///
/// The rules (documented in `docs/audit.md`) match Python's
/// `json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`:
/// object keys sorted by Unicode code point, no whitespace, strings escaped only
/// for `"`, `\`, and control characters below U+0020, everything else written
/// as raw UTF-8. Numbers are integers only.
package indirect enum CanonicalJSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([CanonicalJSON])
    case object([String: CanonicalJSON])

    /// The canonical text.
    package var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): CanonicalJSON.writeString(value, into: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                CanonicalJSON.writeString(key, into: &out)
                out += ":"
                members[key]?.write(into: &out)
            }
            out += "}"
        }
    }

    /// Appends `value` as a canonical JSON string, as UTF-8 bytes.
    package static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        let plain = value.withUTF8 { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if !plain {
            var text = ""
            writeString(value, into: &text)
            out.append(contentsOf: text.utf8.dropFirst().dropLast())
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `value` as a canonical JSON string.
    package static func writeString(_ value: String, into out: inout String) {
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += "\""
            out += value
            out += "\""
            return
        }
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension CanonicalJSON {
    /// `.string(value)` or `.null` when absent.
    package static func optional(_ value: String?) -> CanonicalJSON { value.map(CanonicalJSON.string) ?? .null }
    /// `.int(value)` or `.null` when absent.
    package static func optional(_ value: Int64?) -> CanonicalJSON { value.map(CanonicalJSON.int) ?? .null }
}
