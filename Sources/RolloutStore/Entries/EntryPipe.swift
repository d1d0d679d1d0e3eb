import Foundation
import RolloutCore

/// A bounded queue of entry chunks from the thread that reads and hash-checks
/// the history to the thread that replays it, so verification uses both cores.
final class EntryPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[Entry]] = []
    private var closed = false
    private var cancelled = false
    private let capacity = 3

    /// Adds a chunk, waiting while the queue is full; false once the reader gave up.
    @discardableResult
    func put(_ chunk: [Entry]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    /// No more chunks will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The reader found a failure: the writer may stop.
    func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, or nil when closed and drained (or cancelled).
    func take() -> [Entry]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !closed && !cancelled { condition.wait() }
        guard !cancelled, !chunks.isEmpty else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }
}

/// The replaying thread's outcome, read once it has signalled `done`.
final class ReplayOutcome: @unchecked Sendable {
    var state = RolloutState()
    /// The digest of `state`, taken on the replay thread.
    var digest = StateDigest()
    var failure: AuditFailure?
    let done = DispatchSemaphore(value: 0)
}
