import Foundation
import RolloutApp

/// Reads a text file line by line in fixed-size chunks, so memory stays flat however long the file is.
enum LineReader {
    static func forEachLine(path: String, _ body: (String, Int) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read \(path); expected an export written by `rollout audit export`")
        }
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        var number = 0
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            buffer.append(contentsOf: chunk)
            // Lines are taken from a moving start; the consumed part is dropped once per chunk.
            var start = 0
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                number += 1
                try body(String(decoding: buffer[start..<newline], as: UTF8.self), number)
                start = newline + 1
            }
            buffer.removeFirst(start)
            if chunk.isEmpty { break }
        }
        if !buffer.isEmpty {
            number += 1
            try body(String(decoding: buffer, as: UTF8.self), number)
        }
    }
}
