import Foundation

/// Reads a text file line by line in fixed-size chunks, so memory stays flat however long the file is.
enum LineReader {
    static func forEachLine(path: String, _ body: (String, Int) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read \(path); expected an export written by `rollout audit export`")
        }
        defer { try? handle.close() }
        var buffer = Data()
        var number = 0
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                number += 1
                try body(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self), number)
                buffer.removeSubrange(buffer.startIndex...newline)
            }
            if chunk.isEmpty { break }
        }
        if !buffer.isEmpty {
            number += 1
            try body(String(decoding: buffer, as: UTF8.self), number)
        }
    }
}
