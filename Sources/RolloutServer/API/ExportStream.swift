import Dispatch
import Foundation
import Hummingbird
import NIOCore
import RolloutApp

/// The audit export sent while it is read. A thread of its own reads the
/// history (one read transaction, so the export is one consistent state) and
/// hands over chunks of about 64 KiB; it waits while `pendingChunks` are
/// unsent, so a slow download holds little memory, and it stops reading when
/// the download is abandoned. The server's thread pool is never held by a
/// slow client.
enum ExportStream {
    static let chunkBytes = 64 << 10
    static let pendingChunks = 4

    /// Whether the reader should stop: set when the stream ends or the client goes away.
    private final class Stop: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        var isSet: Bool { lock.withLock { stopped } }
        func set() { lock.withLock { stopped = true } }
    }

    /// A response body that streams the export of `service`'s history.
    static func body(service: RolloutService) -> ResponseBody {
        ResponseBody { writer in
            let (chunks, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
            // Made empty, then given its room: libdispatch traps when a semaphore is
            // freed below the value it was made with, as it is when a download is abandoned.
            let space = DispatchSemaphore(value: 0)
            for _ in 0..<pendingChunks { space.signal() }
            let stop = Stop()
            continuation.onTermination = { _ in
                stop.set()
                space.signal()
            }
            let reader = Thread {
                do {
                    var chunk = ""
                    _ = try service.auditExport { line in
                        chunk += line
                        chunk += "\n"
                        guard chunk.utf8.count >= chunkBytes else { return }
                        continuation.yield(ByteBuffer(string: chunk))
                        chunk = ""
                        space.wait()
                        if stop.isSet { throw CancellationError() }
                    }
                    if !chunk.isEmpty { continuation.yield(ByteBuffer(string: chunk)) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            reader.start()
            for try await chunk in chunks {
                try await writer.write(chunk)
                space.signal()
            }
            try await writer.finish(nil)
        }
    }
}
