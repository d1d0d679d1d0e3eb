import Crypto

/// SHA-256 helpers; hex digests are lowercase.
public enum SHA256Hex {
    /// The hex SHA-256 of some bytes.
    public static func digest<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        SHA256.hash(data: Array(bytes)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The hex SHA-256 of a string's UTF-8 bytes.
    public static func digest(_ text: String) -> String { digest(Array(text.utf8)) }
}
