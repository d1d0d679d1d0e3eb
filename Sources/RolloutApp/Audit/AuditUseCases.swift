import RolloutCore
import RolloutStore

extension RolloutService {
    /// Checks a head a person noted down: a hash (at least 6 hex digits), or
    /// `N:HASH`, entry N's hash when it was the head.
    package static func checkNotedHead(_ head: String?) throws {
        if let head, Verification.notedHead(head) == nil {
            throw InputError(.expectHead) {
                "invalid \($0(.expectHead)) \"\(head)\"; expected a head hash (at least 6 hex digits) or N:HASH (the entry count and head noted then)"
            }
        }
    }

    /// Recomputes the chain, replays the state machine and compares the stored
    /// state; with `expectHead`, a rewritten or truncated history fails.
    package func verify(expectHead: String?) throws -> Verification {
        try Self.checkNotedHead(expectHead)
        return try store.verify(expectHead: expectHead)
    }

    /// Verifies an export without any database: `readLines` hands over each
    /// line (text, 1-based number) and is called twice.
    package static func verifyExport(expectHead: String?, readLines: (_ each: ([UInt8], Int) throws -> Void) throws -> Void) throws -> Verification {
        try checkNotedHead(expectHead)
        return try ExportVerifier.verify(expectHead: expectHead, readLines: readLines)
    }

    /// Every integrity check: the engine's own, the audit chain, the replay and the stored state.
    package func check() throws -> CheckReport {
        try store.check()
    }

    /// Writes a consistent copy while others keep working, then checks the copy.
    package func backup(to file: String) throws -> CheckReport {
        try store.backup(to: file)
        return try Store.open(path: file).check()
    }

    /// Hands over the audit export line by line (format: docs/audit.md) and returns the head it ends at.
    package func auditExport(_ write: (String) throws -> Void) throws -> Head {
        try store.export(write)
        return try store.head()
    }
}
