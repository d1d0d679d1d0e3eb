import RolloutCore

/// How a write is checked before it is applied.
public struct WriteOptions: Sendable {
    /// Refuse unless the history is still where the person saw it.
    public var expect: Expectation?
    /// A key the client chose; an action already recorded under it is not recorded again.
    public var idempotencyKey: String?
    /// Decide and report, then roll everything back.
    public var dryRun: Bool

    public init(expect: Expectation? = nil, idempotencyKey: String? = nil, dryRun: Bool = false) {
        self.expect = expect
        self.idempotencyKey = idempotencyKey
        self.dryRun = dryRun
    }
}

/// What the person saw before acting: the entry count, or (a prefix of) the head hash.
public enum Expectation: Sendable, Equatable {
    case count(Int64)
    case head(String)

    /// Parses `--expect`: digits are a count, anything else a hash prefix.
    public init?(_ text: String) {
        if let count = Int64(text), count >= 0 {
            self = .count(count)
        } else if text.count >= 6, text.allSatisfy(\.isHexDigit) {
            self = .head(text.lowercased())
        } else {
            return nil
        }
    }
}

/// The result of one action of a write.
public struct Outcome: Sendable {
    public var action: Action
    public var result: Result

    /// What happened to the action.
    public enum Result: Sendable {
        /// Accepted; these entries were appended (or would be, in a dry run).
        case recorded([Entry])
        /// Refused by the rules; `entry` records the refused attempt.
        case refused(Refusal, entry: Entry)
        /// The idempotency key was used before by this entry; nothing new was written.
        case duplicate(Entry)
    }
}
