/// What the person saw before acting: the entry count, or (a prefix of) the head hash.
package enum Expectation: Sendable, Equatable {
    case count(Int64)
    case head(String)

    /// Parses `--expect`: digits are a count, anything else a hash prefix.
    package init?(_ text: String) {
        if let count = Int64(text), count >= 0 {
            self = .count(count)
        } else if text.count >= 6, text.allSatisfy(\.isHexDigit) {
            self = .head(text.lowercased())
        } else {
            return nil
        }
    }
}
