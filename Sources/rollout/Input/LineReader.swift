import Foundation
import RolloutApp
import RolloutCore

/// Reads a file line by line in fixed-size chunks through a `LineSplitter`, so
/// memory stays bounded however long the file or any one line is.
enum LineReader {
    static func forEachLine(path: String, _ body: ([UInt8], Int) throws -> Void) throws {
        var folder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &folder), folder.boolValue {
            throw InputError("cannot read \(path): it is a folder; expected an export file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read \(path); expected an export written by `rollout audit export`")
        }
        defer { try? handle.close() }
        var splitter = LineSplitter()
        while true {
            // `read(upToCount:)` throws where `readData(ofLength:)` would trap (a folder, an I/O error).
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw InputError("cannot read \(path) (\(error)); expected an export file")
            }
            if chunk.isEmpty { break }
            try splitter.feed([UInt8](chunk), body)
        }
        try splitter.finish(body)
    }
}
