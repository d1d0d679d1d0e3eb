import Foundation

/// The folder `rollout export` writes into: created (with its parents) if
/// missing, refused if the name is taken by something other than a folder.
package enum OutputFolder {
    /// Makes sure `folder` exists; returns whether it was created here (so a failed export can remove it again).
    @discardableResult
    package static func create(_ folder: String) throws -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.unsuitableTarget(path: folder, why: "it is not a folder; expected a folder to write the exports into")
            }
            return false
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty && !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotWrite(path: folder, reason: "its parent folder \(parent) cannot be created")
            }
        }
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
            let code = errno
            throw code == ENOSPC || code == EDQUOT
                ? StoreError.diskFull(path: folder)
                : StoreError.cannotWrite(path: folder, reason: String(cString: strerror(code)))
        }
        return true
    }
}
