import Foundation
import RolloutCore

/// Where plan data comes from: the Yuzhong default built into the binary, or a folder.
enum FixtureFiles {
    /// The embedded `Fixtures/yuzhong` files.
    static var embedded: [String: [UInt8]] {
        Dictionary(EmbeddedYuzhong.files.map { ($0.name, Array($0.contents.utf8)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The plan files of a folder laid out like `Fixtures/yuzhong`.
    static func read(directory: String) throws -> [String: [UInt8]] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError("no fixture folder at \(directory); expected a folder with \(PlanLoader.fileNames.joined(separator: ", "))")
        }
        var files: [String: [UInt8]] = [:]
        for name in PlanLoader.fileNames {
            let path = (directory as NSString).appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: path) { files[name] = Array(data) }
        }
        return files
    }
}
