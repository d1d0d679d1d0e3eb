import Foundation
import RolloutApp
import RolloutCore

/// The plan files of a folder laid out like `Fixtures/yuzhong` (`init --fixtures`).
enum FixtureFolder {
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
