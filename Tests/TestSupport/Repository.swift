import Foundation

/// The repository's root folder, found from this source file: the nearest
/// folder above it that holds `Package.swift`.
public enum Repository {
    public static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()
}
