import Foundation

/// Honours a database file or folder marked read-only (no write bit for
/// anyone), even for root, who the operating system would let write anyway.
enum WriteAccess {
    static func check(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        for item in [path, folder.isEmpty ? "." : folder] {
            let permissions = (try? FileManager.default.attributesOfItem(atPath: item)[.posixPermissions] as? Int) ?? 0o644
            if permissions & 0o222 == 0 { throw StoreError.readOnly(path: path) }
        }
    }
}
