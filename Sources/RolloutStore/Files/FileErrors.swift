import Foundation

/// Turns an `errno` from writing a file into the error the user sees.
enum FileErrors {
    static func error(_ code: Int32, path: String, wroteSomething: Bool) -> StoreError {
        switch code {
        case ENOSPC, EDQUOT:
            return wroteSomething ? .diskFullPartway(path: path) : .diskFull(path: path)
        case EIO:
            return .ioFailure(path: path, reason: String(cString: strerror(code)))
        case EROFS, EACCES, EPERM:
            return .cannotWrite(path: path, reason: "read-only file or folder")
        case ENOENT, ENOTDIR:
            let folder = (path as NSString).deletingLastPathComponent
            return .cannotWrite(path: path, reason: "the folder \(folder.isEmpty ? "." : folder) does not exist")
        default:
            return .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
    }
}
