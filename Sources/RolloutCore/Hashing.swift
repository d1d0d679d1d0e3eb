import Crypto

/// SHA-256 helpers; hex digests are lowercase.
public enum SHA256Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The hex SHA-256 of some bytes.
    public static func digest<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// The hex SHA-256 of a byte array, without copying it.
    public static func digest(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex(SHA256.hash(data: $0)) }
    }

    /// The hex SHA-256 of a string's UTF-8 bytes.
    public static func digest(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
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
