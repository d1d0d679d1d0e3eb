import Crypto

/// SHA-256 helpers; hex digests are lowercase.
package enum SHA256Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The hex SHA-256 of some bytes.
    package static func digest<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// The hex SHA-256 of a byte array, without copying it.
    package static func digest(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex(SHA256.hash(data: $0)) }
    }

    /// The hex SHA-256 of a string's UTF-8 bytes.
    package static func digest(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    /// Whether the SHA-256 of `bytes` is the lowercase hex digest `hex`, without building a string.
    package static func matches(_ bytes: [UInt8], hex: String) -> Bool {
        let digest = bytes.withUnsafeBytes { SHA256.hash(data: $0) }
        var hex = hex
        return hex.withUTF8 { text in
            guard text.count == 64 else { return false }
            var index = 0
            for byte in digest {
                guard text[index] == digits[Int(byte >> 4)], text[index + 1] == digits[Int(byte & 0x0F)] else { return false }
                index += 2
            }
            return true
        }
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
