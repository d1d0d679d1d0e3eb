import Foundation
import RolloutCore
import XCTest

/// An export handed to an auditor may be anything: each hostile file is a
/// verification failure naming the line, for `rollout audit verify --file`
/// (exit 5) and for `docs/verify_export.py` (exit 1, one line, no traceback),
/// never a crash. Both read the same strict JSON (`docs/audit.md`, "Strictness").
final class HostileExportTests: XCTestCase {
    /// The lines of a real export of the batch-1 scenario: a plan line, entries #1 to #31 on lines 2 to 32, the head on line 33.
    private static let honest = Result<[String], any Error>(catching: {
        let cli = try CLI(now: "2026-09-10T10:00:00+08:00")
        defer { cli.remove() }
        try Scenario.playBatchOne(cli)
        let path = cli.folder.appendingPathComponent("audit.jsonl").path
        let result = try cli.run(["audit", "export", path])
        guard result.status == 0 else {
            throw NSError(domain: "export", code: Int(result.status), userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    })

    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private func lines() throws -> [String] { try HostileExportTests.honest.get() }

    /// The honest export with entry line `number` (1-based) edited.
    private func export(editing number: Int, _ edit: (String) -> String) throws -> [UInt8] {
        var lines = try lines()
        let edited = edit(lines[number - 1])
        XCTAssertNotEqual(edited, lines[number - 1], "the edit changed nothing")
        lines[number - 1] = edited
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The honest export with line `number` replaced by raw bytes.
    private func export(replacing number: Int, with bytes: [UInt8]) throws -> [UInt8] {
        let lines = try lines().map { Array($0.utf8) }
        var out: [UInt8] = []
        for (index, line) in lines.enumerated() {
            out += index == number - 1 ? bytes : line
            out.append(0x0A)
        }
        return out
    }

    private struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private func python(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    private static let verifier = CLI.repository.appendingPathComponent("docs/verify_export.py").path

    /// Both verifiers refuse the file, naming what is wrong: `rollout` with exit 5, Python with exit 1 and one line.
    private func assertRefused(
        _ bytes: [UInt8], rollout expected: String, python expectedPython: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let path = folder.appendingPathComponent("hostile.jsonl").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)), file: file, line: line)
        try assertRefused(path: path, rollout: expected, python: expectedPython, file: file, line: line)
    }

    private func assertRefused(
        path: String, rollout expected: String, python expectedPython: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["audit", "verify", "--file", path])
        XCTAssertEqual(result.status, 5, "rollout: \(result.stdout)\(result.stderr)", file: file, line: line)
        XCTAssertTrue(result.stdout.hasPrefix("VERIFICATION FAILED"), result.stdout + result.stderr, file: file, line: line)
        XCTAssertTrue(result.stdout.contains(expected), "rollout said: \(result.stdout)", file: file, line: line)
        let python = try python([HostileExportTests.verifier, path])
        XCTAssertEqual(python.status, 1, "python: \(python.stdout)\(python.stderr)", file: file, line: line)
        XCTAssertEqual(python.stderr, "", "python wrote to stderr (a traceback?)", file: file, line: line)
        XCTAssertTrue(python.stdout.hasPrefix("VERIFICATION FAILED: "), python.stdout, file: file, line: line)
        XCTAssertEqual(python.stdout.filter { $0 == "\n" }.count, 1, "python printed more than one line: \(python.stdout)", file: file, line: line)
        XCTAssertTrue(python.stdout.contains(expectedPython), "python said: \(python.stdout)", file: file, line: line)
    }

    func testTheHonestExportPassesBothVerifiers() throws {
        let path = folder.appendingPathComponent("honest.jsonl").path
        try (try lines().joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let cli = try CLI()
        defer { cli.remove() }
        XCTAssertTrue(try cli.expect(0, ["audit", "verify", "--file", path]).stdout.contains("Verified 31 entries"))
        let python = try python([HostileExportTests.verifier, path])
        XCTAssertEqual(python.status, 0, python.stdout + python.stderr)
        XCTAssertTrue(python.stdout.hasPrefix("verified 31 entries\n"), python.stdout)
    }

    func testTwoHundredThousandNestedBracketsAreRefusedNotACrash() throws {
        try assertRefused(
            try export(replacing: 5, with: Array(repeating: UInt8(ascii: "["), count: 200_000)),
            rollout: "export line 5 is not valid JSON at byte 33: arrays and objects are nested deeper than 32 levels",
            python: "line 5 is not valid JSON: arrays and objects are nested deeper than 32 levels")
    }

    func testNestingJustPastTheLimitIsRefusedAndAtTheLimitIsOnlyAnUnknownLine() throws {
        // 33 levels: the line object and 32 arrays inside it.
        let deep = "{\"type\":\"entry\",\"x\":" + String(repeating: "[", count: 32) + String(repeating: "]", count: 32) + "}"
        try assertRefused(
            try export(replacing: 5, with: Array(deep.utf8)),
            rollout: "export line 5 is not valid JSON at byte 52: arrays and objects are nested deeper than 32 levels",
            python: "line 5 is not valid JSON: arrays and objects are nested deeper than 32 levels")
        let atLimit = "{\"type\":\"other\",\"x\":" + String(repeating: "[", count: 31) + String(repeating: "]", count: 31) + "}"
        try assertRefused(
            try export(replacing: 5, with: Array(atLimit.utf8)),
            rollout: "export line 5 has unknown type \"other\"", python: "line 5: unknown line type 'other'")
    }

    func testALeadingZeroIsRefused() throws {
        try assertRefused(
            try export(editing: 4) { $0.replacingOccurrences(of: "\"seq\":3,", with: "\"seq\":03,") },
            rollout: "the number 03 has a leading zero; expected an integer without one",
            python: "line 4 is not valid JSON: Expecting ',' delimiter")
    }

    func testARawControlCharacterInAStringIsRefused() throws {
        try assertRefused(
            try export(editing: 4) { $0.replacingOccurrences(of: "\"note\":\"", with: "\"note\":\"\u{1B}[31m") },
            rollout: "a raw control character U+001B in a string; expected it escaped",
            python: "line 4 is not valid JSON: Invalid control character")
    }

    func testALoneSurrogateEscapeIsRefused() throws {
        try assertRefused(
            try export(editing: 4) { $0.replacingOccurrences(of: "\"note\":\"", with: "\"note\":\"\\ud800") },
            rollout: "the escape \\uD800 is an unpaired surrogate; expected it followed by a low surrogate",
            python: "line 4 is not valid JSON: the escape \\uD800 is an unpaired surrogate")
        try assertRefused(
            try export(editing: 4) { $0.replacingOccurrences(of: "\"note\":\"", with: "\"note\":\"\\udc00") },
            rollout: "the escape \\uDC00 is an unpaired surrogate", python: "the escape \\uDC00 is an unpaired surrogate")
    }

    func testADuplicateKeyIsRefused() throws {
        // Python's json would silently keep the second value; both verifiers refuse the line instead.
        try assertRefused(
            try export(editing: 4) { $0.replacingOccurrences(of: "\"note\":\"", with: "\"note\":\"x\",\"note\":\"") },
            rollout: "the key \"note\" appears twice in one object; expected each key once",
            python: "line 4 is not valid JSON: the key \"note\" appears twice in one object; expected each key once")
    }

    func testAnIntegerBeyondSixtyFourBitsIsRefused() throws {
        try assertRefused(
            try export(editing: 4) { $0.replacingOccurrences(of: "\"seq\":3,", with: "\"seq\":\(String(repeating: "9", count: 5000)),") },
            rollout: "export line 4 is not valid JSON at byte", python: "line 4 is not valid JSON: the integer 9999")
        try assertRefused(
            try export(editing: 4) { $0.replacingOccurrences(of: "\"seq\":3,", with: "\"seq\":9223372036854775808,") },
            rollout: "the integer 9223372036854775808 is out of range; expected -9223372036854775808 to 9223372036854775807",
            python: "the integer 9223372036854775808 is out of range")
    }

    func testFractionsAndExponentsAreRefused() throws {
        for number in ["3.0", "3e0", "1E400", "-0.0"] {
            try assertRefused(
                try export(editing: 4) { $0.replacingOccurrences(of: "\"seq\":3,", with: "\"seq\":\(number),") },
                rollout: "the number \(number) has a fraction or exponent; expected an integer",
                python: "line 4 is not valid JSON: the number \(number) has a fraction or exponent; expected an integer")
        }
    }

    func testNaNAndInfinityAreRefused() throws {
        for constant in ["NaN", "Infinity", "-Infinity"] {
            try assertRefused(
                try export(editing: 4) { $0.replacingOccurrences(of: "\"seq\":3,", with: "\"seq\":\(constant),") },
                rollout: "export line 4 is not valid JSON at byte", python: "line 4 is not valid JSON: \(constant) is not JSON")
        }
    }

    func testALineJustOverTheLengthLimitIsRefusedWithoutReadingItWhole() throws {
        // The limit plus one byte, in a string that is otherwise valid: refused for its length alone.
        var line = Array("{\"type\":\"entry\",\"note\":\"".utf8)
        line += Array(repeating: UInt8(ascii: "a"), count: LineSplitter.maximumLineLength + 1 - line.count - 2)
        line += Array("\"}".utf8)
        XCTAssertEqual(line.count, LineSplitter.maximumLineLength + 1)
        try assertRefused(
            try export(replacing: 3, with: line),
            rollout: "export line 3 is longer than 67108864 bytes; expected at most 67108864 bytes per line",
            python: "line 3 is longer than 67108864 bytes; expected at most 67108864 bytes per line")
    }

    func testAnEndlessFileWithoutLineBreaksIsRefusedAfterTheLimit() throws {
        try assertRefused(
            path: "/dev/zero", rollout: "export line 1 is longer than 67108864 bytes",
            python: "line 1 is longer than 67108864 bytes")
    }

    func testInvalidUTF8IsRefused() throws {
        // A stray byte, an overlong encoding, an encoded surrogate, a cut character: each put after `{"actor":"`.
        for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE4, 0xB8]] {
            let bytes = Array(try lines()[3].utf8)
            XCTAssertEqual(String(decoding: bytes[..<10], as: UTF8.self), "{\"actor\":\"")
            try assertRefused(
                try export(replacing: 4, with: Array(bytes[..<10]) + bad + Array(bytes[10...])),
                rollout: "export line 4 is not valid UTF-8 (at byte 11); expected UTF-8 text",
                python: "line 4 is not valid UTF-8 (at byte 11); expected UTF-8 text")
        }
    }

    func testTrailingGarbageAfterTheObjectIsRefused() throws {
        try assertRefused(
            try export(editing: 4) { $0 + " {}" },
            rollout: "unexpected \"{\" after the value; expected the end of the line", python: "line 4 is not valid JSON: Extra data")
    }

    func testMissingKeysAndWrongTypesAreNamedNotATraceback() throws {
        try assertRefused(
            try export(editing: 4) { $0.replacingOccurrences(of: "\"seq\":3,", with: "") },
            rollout: "export line 4: an entry line lacks a field or has a wrong type (field \"seq\" is missing or has a wrong type)",
            python: "line 4: field \"seq\" is missing or has a wrong type; expected an integer")
        try assertRefused(
            try export(editing: 4) { $0.replacingOccurrences(of: "\"seq\":3,", with: "\"seq\":true,") },
            rollout: "field \"seq\" is missing or has a wrong type", python: "field \"seq\" is missing or has a wrong type")
        try assertRefused(
            try export(editing: 33) { $0.replacingOccurrences(of: "\"count\":31", with: "\"count\":\"31\"") },
            rollout: "export line 33: a head line needs \"count\" and \"hash\"", python: "line 33: field \"count\" is missing or has a wrong type")
        try assertRefused(
            try export(replacing: 1, with: Array("{\"type\":\"plan\",\"version\":[]}".utf8)),
            rollout: "export line 1: a plan line needs \"version\" and \"document\"", python: "line 1: field \"document\" is missing")
        try assertRefused(
            try export(replacing: 1, with: Array("[1,2]".utf8)),
            rollout: "export line 1 is not a JSON object with a \"type\"", python: "line 1 is not a JSON object with a \"type\"")
    }

    /// The whole chain re-hashed after moving one entry's recording time before its predecessor's:
    /// every hash and link is right, only the time order gives it away.
    func testARecordingTimeThatGoesBackwardsIsNamed() throws {
        var lines = try lines()
        var entries = try lines[1..<32].enumerated().map { offset, line throws -> Entry in
            guard case .entry(let entry) = try AuditExport.parse(line, number: offset + 2) else { throw AuditFailure(entry: nil, "not an entry") }
            return entry
        }
        // Entry #7 (2026-08-05) and #8 (2026-08-06): #8 is moved to a time before #7.
        XCTAssertLessThan(entries[6].recordedAt, entries[7].recordedAt)
        for index in 7..<entries.count {
            let entry = entries[index]
            entries[index] = EntryDraft(entry).sealed(
                seq: entry.seq, recordedAt: index == 7 ? "2026-08-05T01:00:00Z" : entry.recordedAt, planVersion: entry.planVersion,
                previousHash: entries[index - 1].hash, bulk: entry.bulk, idempotencyKey: entry.idempotencyKey,
                identity: entry.actorLogin.map { Identity(login: $0, authentication: Authentication(rawValue: entry.auth ?? "") ?? .cli) })
        }
        XCTAssertLessThan(entries[7].recordedAt, entries[6].recordedAt)
        lines.replaceSubrange(1..<32, with: entries.map(AuditExport.entryLine))
        lines[32] = AuditExport.headLine(count: 31, hash: entries[30].hash)
        let message = "entry #8: recorded at 2026-08-05T01:00:00Z, before entry #7 (\(entries[6].recordedAt)): the recording time went backwards"
        try assertRefused(Array((lines.joined(separator: "\n") + "\n").utf8), rollout: message, python: message)
    }

    func testAFolderGivenAsTheExportIsBadInputNotACrash() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["audit", "verify", "--file", folder.path])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("cannot read \(folder.path): it is a folder; expected an export file"), result.stderr)
        let python = try python([HostileExportTests.verifier, folder.path])
        XCTAssertEqual(python.status, 2, python.stdout + python.stderr)
        XCTAssertEqual(python.stderr, "")
        XCTAssertEqual(python.stdout, "cannot read \(folder.path): Is a directory\n")
    }

    /// The same table of lines through both parsers: each accepts and refuses exactly the same ones.
    func testBothVerifiersAcceptExactlyTheSameJSON() throws {
        let cases: [String] = [
            #"{"type":"t","a":1}"#, #" {"type":"t","a":-0} "#, "{\"type\":\"t\",\"a\":[]}\r", #"{"type":"t","a":"\u00e9\ud83d\ude00\/"}"#,
            #"{"type":"t","a":-9223372036854775808}"#, #"{"type":"t","a":9223372036854775807}"#, #"{"type":"t","a":9223372036854775808}"#,
            #"{"type":"t","a":01}"#, #"{"type":"t","a":-01}"#, #"{"type":"t","a":-}"#, #"{"type":"t","a":1.}"#, #"{"type":"t","a":.5}"#,
            #"{"type":"t","a":+1}"#, #"{"type":"t","a":1e5}"#, #"{"type":"t","a":NaN}"#, #"{"type":"t","a":tru}"#, #"{"type":"t","a":nulls}"#,
            #"{"type":"t","a":"\ud800"}"#, #"{"type":"t","a":"\ud800\u0041"}"#, #"{"type":"t","a":"\udc00\ud800"}"#, #"{"type":"t","a":"\u+041"}"#,
            #"{"type":"t","a":"\x"}"#, #"{"type":"t","a":"\u00"}"#, #"{"type":"t","a":1,}"#, #"{"type":"t",}"#, #"{"type":"t","a":[1,]}"#,
            #"{"type":"t","a":1,"a":1}"#, #"{"type":"t","a":{"b":1,"b":2}}"#, #"{"type":"t"}x"#, #"{"type":"t"}{}"#, #"{'type':'t'}"#,
            "{\"type\":\"t\",\"a\":\"\t\"}", "{\"type\":\"t\",\"a\":\"\u{7F}\"}", "\u{FEFF}{\"type\":\"t\"}", "{\"type\":\"t\"\u{0B}}",
            "{\"type\":\"t\",\"a\":" + String(repeating: "[", count: 31) + String(repeating: "]", count: 31) + "}",
            "{\"type\":\"t\",\"a\":" + String(repeating: "[", count: 32) + String(repeating: "]", count: 32) + "}",
            "{\"type\":\"t\",\"a\":" + String(repeating: "{\"b\":", count: 31) + "1" + String(repeating: "}", count: 31) + "}",
            "{\"type\":\"t\",\"a\":" + String(repeating: "{\"b\":", count: 32) + "1" + String(repeating: "}", count: 32) + "}",
            "[", "", " ", "{", "\"type\"", "null",
        ]
        let swift = cases.map { line -> Bool in
            do {
                _ = try AuditExport.parse(line, number: 1)
                return true
            } catch {
                return "\(error)".contains("unknown type \"t\"")
            }
        }
        let path = folder.appendingPathComponent("cases.json").path
        let data = try JSONSerialization.data(withJSONObject: cases)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: data))
        let script = """
            import json, sys
            sys.path.insert(0, sys.argv[1])
            import verify_export as v
            for line in json.load(open(sys.argv[2], encoding="utf-8")):
                try:
                    v.parse_line(line.encode("utf-8"), 1)
                    print("accepted")
                except v.Failure:
                    print("refused")
            """
        let python = try python(["-c", script, CLI.repository.appendingPathComponent("docs").path, path])
        XCTAssertEqual(python.stderr, "")
        let pythonAccepts = python.stdout.split(separator: "\n").map { $0 == "accepted" }
        XCTAssertEqual(pythonAccepts.count, cases.count, python.stdout)
        for (index, line) in cases.enumerated() where index < pythonAccepts.count {
            XCTAssertEqual(
                swift[index], pythonAccepts[index],
                "\(line.prefix(80)): rollout \(swift[index] ? "accepts" : "refuses"), python \(pythonAccepts[index] ? "accepts" : "refuses")")
        }
        XCTAssertEqual(swift.filter { $0 }.count, 9, "the valid lines in the table")
    }
}
