import RolloutCore

/// The verification of the history on demand: passed or where it failed,
/// the head hash to note, and the export to download.
package struct VerifyPage: PageModel {
    package static let template = "verify"

    let frame: PageFrame
    let t: [String: String]
    /// Whether the verification ran (the other values are its result).
    let ran: Bool
    let passed: Bool
    let result: String?
    let failure: String?
    let head: String?

    /// `verification` is nil until one is asked for.
    package init(frame: PageFrame, verification: Verification?) {
        self.frame = frame
        t = frame.strings.all
        ran = verification != nil
        passed = verification?.passed ?? false
        result = verification.map { frame.strings.format("verify_passed", ["n": String($0.entries)]) }
        failure = verification?.failure?.description
        head = verification?.head
    }
}
