import Foundation

/// Buffered bytes on their way to one file descriptor; a failed `write(2)`
/// becomes a `StoreError` naming the file.
package struct FileSink {
    let descriptor: Int32
    let path: String
    private var buffer: [UInt8] = []
    /// Bytes handed to the operating system so far.
    package private(set) var written = 0

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(1 << 20)
    }

    package mutating func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    package mutating func write(byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Hands everything buffered to the operating system, retrying short writes and interruptions.
    package mutating func flush() throws {
        var offset = 0
        let failure: Int32? = buffer.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return nil }
            while offset < bytes.count {
                let result = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += result
            }
            return nil
        }
        written += offset
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw FileErrors.error(failure, path: path, wroteSomething: written > 0) }
    }
}
