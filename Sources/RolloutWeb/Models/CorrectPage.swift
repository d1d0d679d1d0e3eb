/// A coordinator's corrections: find entries by number, see what depends on
/// them, and reverse them all together with a reason.
package struct CorrectPage: PageModel {
    /// An entry a correction would reverse.
    package struct Reversal: Sendable {
        let seq: Int64
        let what: String

        package init(seq: Int64, what: String) {
            self.seq = seq
            self.what = what
        }
    }

    package static let template = "correct"

    let frame: PageFrame
    let t: [String: String]
    /// The entry numbers as typed.
    let entry: String
    let key: String
    let targets: [Reversal]
    let dependants: [Reversal]
    let hasDependants: Bool
    /// Every entry to reverse, comma-separated; nil until entries are asked for.
    let all: String?

    /// `correction` is nil until entry numbers are given.
    package init(frame: PageFrame, entry: String, key: String, correction: (targets: [Reversal], dependants: [Reversal])?) {
        self.frame = frame
        t = frame.strings.all
        self.entry = entry
        self.key = key
        targets = correction?.targets ?? []
        dependants = correction?.dependants ?? []
        hasDependants = !dependants.isEmpty
        all = correction.map { ($0.targets + $0.dependants).map { String($0.seq) }.joined(separator: ",") }
    }
}
