import Crypto
import HummingbirdBcrypt
import RolloutCore
import Synchronization

/// Random secrets and their hashes: session ids, API tokens and one-time
/// codes are random; only hashes are stored (SHA-256 for the high-entropy
/// ids and tokens, bcrypt for passwords, which people choose).
package enum Secrets {
    /// 32 random bytes as 64 hex digits: a session id.
    package static func sessionID() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// An API token: `rlt_` and 40 random characters (238 bits).
    package static func apiToken() -> String {
        "rlt_" + random(40, from: "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    }

    /// A one-time code a coordinator reads out or hands over: 12 characters
    /// without look-alikes (0/O, 1/l/I), about 60 bits.
    package static func oneTimeCode() -> String {
        random(12, from: "23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    }

    /// The SHA-256 of a session id or token, as stored.
    package static func digest(_ secret: String) -> String { SHA256Hex.digest(secret) }

    /// The CSRF token of a session: an HMAC of the session id, so nothing more is stored.
    package static func csrfToken(session: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("rollout csrf".utf8), using: SymmetricKey(data: Array(session.utf8)))
        return hex(Array(mac))
    }

    /// Compares two secrets in time that does not depend on where they differ.
    package static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    package static func hashPassword(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: min(max(cost, 4), 31))
    }

    /// A bcrypt hash of the given cost that no password matches (its password
    /// is random and forgotten), checked against for a login without a
    /// password, so that a wrong guess costs the same time either way.
    package static func unmatchableHash(cost: UInt8) -> String {
        unmatchable.withLock { hashes in
            if let hash = hashes[cost] { return hash }
            let hash = hashPassword(sessionID(), cost: cost)
            hashes[cost] = hash
            return hash
        }
    }

    private static let unmatchable = Mutex<[UInt8: String]>([:])

    package static func passwordMatches(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }

    private static func random(_ count: Int, from alphabet: String) -> String {
        let characters = Array(alphabet)
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in characters[Int.random(in: 0..<characters.count, using: &generator)] })
    }
}
