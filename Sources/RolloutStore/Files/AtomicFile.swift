import Foundation

/// The one routine through which `rollout` writes files (exports, reports,
/// backups, new databases).
///
/// A regular file is written to `PATH.TAG-PID` beside it, flushed to disk,
/// and renamed over `PATH` only when complete: readers see the old file or
/// the whole new one, and a failure (a full disk, a kill) leaves the old
/// file as it was and no temporary file behind. FIFOs, character devices and
/// `-` are written into directly (see `WriteTarget`). Every failure is a
/// thrown `StoreError` naming the path; nothing here traps.
package enum AtomicFile {
    /// Writes what `produce` emits to `path`.
    package static func write(_ path: String, _ produce: (inout FileSink) throws -> Void) throws {
        try withoutActuallyEscaping(produce) { produce in try writeAll([(path, produce)]) }
    }

    /// Writes `text` as UTF-8 to `path`.
    package static func write(_ path: String, text: String) throws {
        try write(path) { sink in try sink.write(text) }
    }

    /// Writes several files all or nothing: every regular file is first
    /// written completely to its temporary file, and only then are they
    /// renamed into place; if any fails, the temporary files are removed and
    /// no target is touched. Streams are written in order.
    package static func writeAll(_ files: [(path: String, produce: (inout FileSink) throws -> Void)]) throws {
        let targets = try files.map { try WriteTarget.inspect($0.path, streams: true) }
        var written: [(temporary: String, path: String)] = []
        do {
            for (target, file) in zip(targets, files) {
                switch target {
                case .standardOutput:
                    var sink = FileSink(descriptor: STDOUT_FILENO, path: "standard output")
                    try file.produce(&sink)
                    try sink.flush()
                case .stream(let path, _):
                    let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
                    guard descriptor >= 0 else { throw FileErrors.error(errno, path: path, wroteSomething: false) }
                    var sink = FileSink(descriptor: descriptor, path: path)
                    defer { close(descriptor) }
                    try file.produce(&sink)
                    try sink.flush()
                case .file(let path):
                    let temporary = temporaryPath(for: path, tag: "partial")
                    unlink(temporary)
                    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                    guard descriptor >= 0 else { throw FileErrors.error(errno, path: path, wroteSomething: false) }
                    written.append((temporary, path))
                    var sink = FileSink(descriptor: descriptor, path: path)
                    do {
                        try file.produce(&sink)
                        try sink.flush()
                        if fsync(descriptor) != 0 { throw FileErrors.error(errno, path: path, wroteSomething: false) }
                    } catch StoreError.diskFullPartway(let path) {
                        close(descriptor)
                        throw StoreError.diskFull(path: path)  // the temporary file goes; the target is untouched
                    } catch {
                        close(descriptor)
                        throw error
                    }
                    if close(descriptor) != 0 { throw FileErrors.error(errno, path: path, wroteSomething: false) }
                }
            }
            for (index, file) in written.enumerated() {
                guard rename(file.temporary, file.path) == 0 else {
                    let code = errno
                    for rest in written[index...] { unlink(rest.temporary) }
                    throw FileErrors.error(code, path: file.path, wroteSomething: false)
                }
                syncFolder(of: file.path)
            }
        } catch {
            for file in written { unlink(file.temporary) }
            throw error
        }
    }

    /// Lets `make` build the complete file (e.g. SQLite writing a database)
    /// at the temporary path it is given, then moves it into place. The
    /// target must be a regular file or absent (a database is never a
    /// stream); an existing file is replaced only with `replace`. The
    /// temporary file and its `sidecars` (e.g. `-wal`) are removed on failure.
    package static func build(_ path: String, tag: String, replace: Bool, sidecars: [String] = [], _ make: (String) throws -> Void) throws {
        // A database target is a regular file or nothing yet; anything else is refused here.
        _ = try WriteTarget.inspect(path, streams: false)
        if FileManager.default.fileExists(atPath: path) && !replace { throw StoreError.databaseExists(path: path) }
        let temporary = temporaryPath(for: path, tag: tag)
        let cleanUp = { for suffix in [""] + sidecars { unlink(temporary + suffix) } }
        cleanUp()
        do {
            try make(temporary)
            let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw FileErrors.error(errno, path: path, wroteSomething: false) }
            let synced = fsync(descriptor) == 0 ? 0 : errno
            close(descriptor)
            if synced != 0 { throw FileErrors.error(synced, path: path, wroteSomething: false) }
            guard rename(temporary, path) == 0 else { throw FileErrors.error(errno, path: path, wroteSomething: false) }
            syncFolder(of: path)
        } catch {
            cleanUp()
            throw error
        }
    }

    /// `PATH.TAG-PID`, beside the target so the rename stays within one file system.
    package static func temporaryPath(for path: String, tag: String) -> String {
        "\(path).\(tag)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Makes the rename itself durable (best effort: some file systems refuse to sync a folder).
    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
