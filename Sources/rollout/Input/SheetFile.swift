import Foundation
import RolloutApp

/// Reads a sheet to import, refusing a folder or a file larger than the
/// import takes before reading it whole.
enum SheetFile {
    static func read(_ path: String) throws -> [UInt8] {
        var folder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &folder) else {
            throw InputError("no file at \(path); expected a spreadsheet saved as CSV")
        }
        if folder.boolValue { throw InputError("\(path) is a folder; expected a spreadsheet saved as CSV") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError("cannot read \(path); expected a readable CSV file") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: SheetText.maximumBytes + 1) ?? Data()
        } catch {
            throw InputError("cannot read \(path) (\(error)); expected a readable CSV file")
        }
        if data.count > SheetText.maximumBytes {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? data.count
            throw InputError("\(path) is \(size) bytes; expected a spreadsheet saved as CSV of at most \(SheetText.maximumBytes) bytes (10 MiB)")
        }
        return [UInt8](data)
    }
}
