/// Splits a byte stream into lines ended by LF (0x0A) only, as `audit verify
/// --file` reads an export: a line longer than `maximumLength` bytes is refused
/// as soon as that many bytes are held, so memory stays bounded whatever the
/// file holds (one endless line, `/dev/zero`). Shared with the export fuzz target.
package struct LineSplitter {
    /// The longest export line accepted, in bytes without the LF: 64 MiB. The
    /// longest real line, a national plan document, is a few megabytes.
    package static let maximumLineLength = 64 << 20

    package let maximumLength: Int
    /// The start of a line whose end has not arrived yet.
    private var pending: [UInt8] = []
    /// Lines handed out so far.
    package private(set) var count = 0

    package init(maximumLength: Int = LineSplitter.maximumLineLength) {
        self.maximumLength = maximumLength
    }

    /// Calls `body` with each line of `bytes` and its 1-based number, the last one even without a final LF.
    package static func forEachLine(
        in bytes: [UInt8], maximumLength: Int = LineSplitter.maximumLineLength,
        _ body: ([UInt8], Int) throws -> Void
    ) throws {
        var splitter = LineSplitter(maximumLength: maximumLength)
        try splitter.feed(bytes, body)
        try splitter.finish(body)
    }

    /// Splits the next chunk of the stream, calling `body` for every line it completes.
    package mutating func feed(_ chunk: [UInt8], _ body: ([UInt8], Int) throws -> Void) throws {
        var start = 0
        while let newline = chunk[start...].firstIndex(of: 0x0A) {
            let line: [UInt8]
            if pending.isEmpty {
                line = Array(chunk[start..<newline])
            } else {
                pending.append(contentsOf: chunk[start..<newline])
                line = pending
                pending = []
            }
            try check(line.count)
            count += 1
            try body(line, count)
            start = newline + 1
        }
        pending.append(contentsOf: chunk[start...])
        try check(pending.count)
    }

    /// Hands out the last line when the stream did not end with LF.
    package mutating func finish(_ body: ([UInt8], Int) throws -> Void) throws {
        guard !pending.isEmpty else { return }
        let line = pending
        pending = []
        count += 1
        try body(line, count)
    }

    private func check(_ length: Int) throws(AuditFailure) {
        guard length <= maximumLength else {
            throw AuditFailure(
                entry: nil,
                "export line \(count + 1) is longer than \(maximumLength) bytes; expected at most \(maximumLength) bytes per line (the longest real line, a plan document, is a few megabytes)"
            )
        }
    }
}
