import Foundation
import XCTest

/// A real, tiny file system for full-disk tests: a tmpfs of a few hundred
/// KiB mounted in a temporary folder (needs root, as in CI), filled with a
/// filler file until the kernel says ENOSPC, then emptied again.
final class TinyDisk {
    let mountPoint: URL
    private var filler: Int32 = -1
    private var fillerSize: off_t = 0

    /// Mounts a tmpfs of `kibibytes`; skips the test (with the reason) where mounting is not permitted.
    init(kibibytes: Int) throws {
        mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-tinydisk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let mount =
            (try? TinyDisk.command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kibibytes)k,mode=0755", "tmpfs", mountPoint.path]))
            ?? (status: -1, output: "/bin/mount could not be run")
        guard mount.status == 0 else {
            try? FileManager.default.removeItem(at: mountPoint)
            let why = "full-disk tests need to mount a small tmpfs (root, as in CI); mount said: \(mount.output)"
            // CI (.ci/run) sets ROLLOUT_TEST_REQUIRE_MOUNT=1: there the mechanism must be available, so this fails instead of skipping.
            if ProcessInfo.processInfo.environment["ROLLOUT_TEST_REQUIRE_MOUNT"] == "1" { throw TinyDiskError(why) }
            throw XCTSkip(why)
        }
    }

    /// Fills the file system with a filler file until a write fails with ENOSPC,
    /// then gives back `leaving` bytes (rounded by the kernel to pages).
    func fill(leaving: off_t = 0) throws {
        if filler < 0 {
            filler = open(mountPoint.appendingPathComponent("filler").path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard filler >= 0 else { throw TinyDiskError("cannot create the filler: \(String(cString: strerror(errno)))") }
        }
        let chunk = [UInt8](repeating: 0xA5, count: 4096)
        while true {
            let written = chunk.withUnsafeBytes { write(filler, $0.baseAddress, $0.count) }
            if written > 0 { fillerSize += off_t(written); continue }
            guard errno == ENOSPC else { throw TinyDiskError("filling: \(String(cString: strerror(errno)))") }
            break
        }
        if leaving > 0 {
            fillerSize = max(0, fillerSize - leaving)
            guard ftruncate(filler, fillerSize) == 0 else { throw TinyDiskError("ftruncate: \(String(cString: strerror(errno)))") }
        }
    }

    /// Bytes still free, as statvfs reports them.
    var available: UInt64 {
        var info = statvfs()
        guard statvfs(mountPoint.path, &info) == 0 else { return 0 }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    /// Removes the filler: the space is free again.
    func free() {
        if filler >= 0 { close(filler); filler = -1 }
        fillerSize = 0
        unlink(mountPoint.appendingPathComponent("filler").path)
    }

    /// Names in the mount other than the filler.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).filter { $0 != "filler" }.sorted()
    }

    func path(_ name: String) -> String { mountPoint.appendingPathComponent(name).path }

    /// Unmounts and removes the mount point.
    func unmount() {
        free()
        _ = try? TinyDisk.command("/bin/umount", [mountPoint.path])
        try? FileManager.default.removeItem(at: mountPoint)
    }

    private static func command(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

/// Why the tiny file system could not be set up or filled.
struct TinyDiskError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
