import Foundation
import RolloutStore
import XCTest

/// Targets that exist and are not regular files: devices and FIFOs are
/// written into, never replaced by a rename; links, folders and devices
/// named as a database are refused; `-` is standard output.
final class OddTargetTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws {
        cli = try CLI.withStaff(now: "2026-08-20T10:00:00+08:00")
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
    }

    override func tearDown() { cli.remove() }

    private func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
    }

    func testDevFullGivesTheFullDiskMessageAndDevNullIsWrittenIntoNotReplaced() throws {
        guard isCharacterDevice("/dev/full") else { throw XCTSkip("/dev/full is not available here") }
        for arguments in [["audit", "export", "/dev/full"], ["report", "--html", "/dev/full"]] {
            let result = try cli.expect(74, arguments)
            XCTAssertEqual(
                result.stderr, "rollout: no space left on device while writing /dev/full; nothing was written; free some space and try again\n")
        }
        try cli.expect(0, ["audit", "export", "/dev/null"])
        try cli.expect(0, ["report", "--html", "/dev/null"])
        XCTAssertTrue(isCharacterDevice("/dev/null"), "/dev/null is still the device")
        XCTAssertTrue(isCharacterDevice("/dev/full"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.contains(".partial-") }, [])
    }

    func testADatabaseIsNeverWrittenOntoADeviceFIFOLinkOrFolder() throws {
        let fifo = cli.folder.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let link = cli.folder.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "elsewhere.sqlite")
        let cases: [(String, String)] = [
            ("/dev/null", "it is a character device, not a regular file; a database must be a regular file, so name a new file"),
            (fifo, "it is a FIFO, not a regular file; a database must be a regular file, so name a new file"),
            (link, "it is a symbolic link (to elsewhere.sqlite); rollout does not write through links, so name the file itself"),
            (cli.folder.path, "it is a folder; expected a file name"),
        ]
        for (target, why) in cases {
            for arguments in [["backup", target], ["init", "--test-clock", "--db", target, "--coordinator", "王敏", "--replace"]] {
                let result = try cli.expect(2, arguments)
                XCTAssertEqual(result.stderr, "rollout: will not write \(target): \(why)\n", arguments.joined(separator: " "))
            }
        }
        XCTAssertTrue(isCharacterDevice("/dev/null"))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "elsewhere.sqlite")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("elsewhere.sqlite").path), "the link was not followed")
    }

    func testAnExportIntoAFIFOStreamsTheSameBytesAndLeavesTheFIFO() throws {
        let regular = cli.folder.appendingPathComponent("audit.jsonl").path
        try cli.expect(0, ["audit", "export", regular])
        let fifo = cli.folder.appendingPathComponent("audit.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let writer = try cli.start(["audit", "export", fifo])
        // Opening for reading waits for the writer, as a shell pipeline would.
        let reader = try XCTUnwrap(FileHandle(forReadingAtPath: fifo))
        let streamed = reader.readDataToEndOfFile()
        try reader.close()
        XCTAssertEqual(CLI.finish(writer).status, 0)
        XCTAssertEqual(streamed, try Data(contentsOf: URL(fileURLWithPath: regular)))
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a FIFO, not replaced by a file")
    }

    func testASymbolicLinkIsRefusedAndNeitherItNorItsTargetChanges() throws {
        let target = cli.folder.appendingPathComponent("real.html").path
        try "keep me\n".write(toFile: target, atomically: false, encoding: .utf8)
        let link = cli.folder.appendingPathComponent("weekly.html").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for arguments in [["report", "--html", link], ["audit", "export", link]] {
            let result = try cli.expect(2, arguments)
            XCTAssertEqual(
                result.stderr,
                "rollout: will not write \(link): it is a symbolic link (to \(target)); rollout does not write through links, so name the file itself\n"
            )
        }
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "keep me\n")
    }

    func testDashIsStandardOutputForTheExportsAndTheSummaryGoesToStandardError() throws {
        let regular = cli.folder.appendingPathComponent("audit.jsonl").path
        try cli.expect(0, ["audit", "export", regular])
        let piped = try cli.expect(0, ["audit", "export", "-"])
        XCTAssertEqual(piped.stdout, try String(contentsOfFile: regular, encoding: .utf8))
        XCTAssertTrue(piped.stderr.hasPrefix("Wrote \(piped.stdout.split(separator: "\n").count) lines to standard output"), piped.stderr)
        let html = try cli.expect(0, ["report", "--html", "-"])
        XCTAssertTrue(html.stdout.hasPrefix("<!DOCTYPE html>"), String(html.stdout.prefix(40)))
        XCTAssertTrue(html.stderr.hasPrefix("Wrote standard output: "), html.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("-").path))
        let folder = try cli.expect(2, ["export", "-"])
        XCTAssertTrue(folder.stderr.contains("- (standard output) cannot take them"), folder.stderr)
    }
}
