import Foundation

/// What a path a command writes to turns out to be, and so how it is written:
/// a regular file (or nothing yet) is replaced by renaming a complete copy
/// over it; a FIFO or a character device (`/dev/null`, `/dev/full`, a
/// terminal) is written into as it is; `-` is standard output. Anything else
/// is refused, and so is a symbolic link: a rename would replace the link,
/// and following a link someone else made is how files get overwritten by mistake.
package enum WriteTarget: Equatable, Sendable {
    /// A regular file or a path where nothing is yet: written through a temporary file and a rename.
    case file(String)
    /// A FIFO or character device: written into directly (no temporary file, no rename).
    case stream(String, kind: String)
    /// `-`: standard output.
    case standardOutput

    /// Looks at `path` without following a link. With `streams` false (a
    /// database, which must be a regular file), FIFOs, devices and `-` are refused.
    package static func inspect(_ path: String, streams: Bool) throws -> WriteTarget {
        guard !path.isEmpty else { throw StoreError.unsuitableTarget(path: path, why: "the path is empty; expected a file name") }
        if path == "-" {
            guard streams else { throw StoreError.unsuitableTarget(path: path, why: "standard output cannot hold a database; expected a file name") }
            return .standardOutput
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return .file(path) }
            throw FileErrors.error(code, path: path, wroteSomething: false)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return .file(path)
        case S_IFIFO where streams:
            return .stream(path, kind: "a FIFO")
        case S_IFCHR where streams:
            return .stream(path, kind: "a character device")
        case S_IFIFO, S_IFCHR:
            throw StoreError.unsuitableTarget(
                path: path,
                why:
                    "it is \(info.st_mode & S_IFMT == S_IFIFO ? "a FIFO" : "a character device"), not a regular file; a database must be a regular file, so name a new file"
            )
        case S_IFLNK:
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw StoreError.unsuitableTarget(
                path: path, why: "it is a symbolic link (to \(destination)); rollout does not write through links, so name the file itself")
        case S_IFDIR:
            throw StoreError.unsuitableTarget(path: path, why: "it is a folder; expected a file name")
        case S_IFBLK:
            throw StoreError.unsuitableTarget(
                path: path, why: "it is a block device; expected a regular file, a FIFO, a character device or - for standard output")
        default:
            throw StoreError.unsuitableTarget(path: path, why: "it is not a regular file (a socket or another special file); expected a regular file")
        }
    }
}
