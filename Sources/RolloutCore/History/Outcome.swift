/// The result of one action of a write.
package struct Outcome: Sendable {
    package var action: Action
    package var result: Result

    package init(action: Action, result: Result) {
        self.action = action
        self.result = result
    }

    /// What happened to the action.
    package enum Result: Sendable {
        /// Accepted; these entries were appended (or would be, in a dry run).
        case recorded([Entry])
        /// Refused by the rules; `entry` records the refused attempt.
        case refused(Refusal, entry: Entry)
        /// The idempotency key was used before by this entry; nothing new was written.
        case duplicate(Entry)
    }
}
