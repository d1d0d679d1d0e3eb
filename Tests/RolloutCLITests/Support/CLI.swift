import Foundation
import GRDB
import TestSupport
import RolloutCore
import RolloutStore
import XCTest

/// Runs the built `rollout` binary as a user would, in a temporary folder with a fixed clock.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = Repository.root

    /// The binary SwiftPM built beside the test bundle.
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("rollout"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rollout"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    let folder: URL
    var environment: [String: String]
    var executable = CLI.binary

    /// The engine `ROLLOUT_DB` points to: a file in the folder, or a fresh database on the PostgreSQL test server.
    let engine: TestEngine

    init(now: String = "2026-08-01T10:00:00+08:00", engine: TestEngine = .sqlite) throws {
        self.engine = engine
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        environment = [
            "ROLLOUT_NOW": now, "ROLLOUT_DB": try engine.location(in: folder, name: "rollout"),
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
        ]
    }

    var databasePath: String { environment["ROLLOUT_DB"] ?? "" }

    /// A fresh Yuzhong database with 王敏 as coordinator, staff `staff-<office id>` for every office and an auditor 审计员.
    static func withStaff(now: String, engine: TestEngine = .sqlite) throws -> CLI {
        let cli = try CLI(now: now, engine: engine)
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏"])
        let store = try Store.open(path: cli.databasePath)
        let staff = store.plan.offices.map { Action.addPerson(name: "staff-\($0.id)", role: .office, office: $0.id) }
        _ = try store.perform(
            staff + [.addPerson(name: "审计员", role: .auditor, office: nil), .addPerson(name: "张伟", role: .coordinator, office: nil)],
            as: "王敏", at: Moment(recordedAt: "2026-08-20T02:00:00Z", today: LocalDate("2026-08-20")!))
        return cli
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs SQL on the database as an attacker holding the file or the superuser
    /// role would: append-only triggers and foreign keys out of the way.
    func tamper(_ statements: [String]) throws {
        switch engine {
        case .sqlite:
            let db = try DatabaseQueue(path: databasePath)
            try db.writeWithoutTransaction { db in
                try db.execute(sql: "DROP TRIGGER IF EXISTS entries_no_update; DROP TRIGGER IF EXISTS entries_no_delete; PRAGMA foreign_keys = OFF")
                for statement in statements { try db.execute(sql: statement) }
            }
            try db.close()
        case .postgres:
            // A replica session fires no triggers and checks no foreign keys.
            try PostgresTestServer.psql(
                "BEGIN; SET LOCAL session_replication_role = replica; \(statements.joined(separator: ";\n")); COMMIT;", on: databasePath)
        }
    }

    /// Starts the binary without waiting; returns the process and its output pipes.
    func start(_ arguments: [String], extraEnvironment: [String: String] = [:], in directory: URL? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        process.currentDirectoryURL = directory ?? folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    static func finish(_ started: (Process, Pipe, Pipe)) -> Result {
        let (process, out, err) = started
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @discardableResult
    func run(_ arguments: [String], extraEnvironment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        CLI.finish(try start(arguments, extraEnvironment: extraEnvironment, in: directory))
    }

    /// Runs and asserts the exit status.
    @discardableResult
    func expect(_ status: Int32, _ arguments: [String], extraEnvironment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line)
        throws -> Result
    {
        let result = try run(arguments, extraEnvironment: extraEnvironment)
        XCTAssertEqual(result.status, status, "rollout \(arguments.joined(separator: " ")): \(result.stderr)\(result.stdout)", file: file, line: line)
        return result
    }
}

/// Compares output with `Fixtures/golden/NAME`; `ROLLOUT_UPDATE_GOLDEN=1` records the
/// output as the new golden file instead and fails the test, so a recording run
/// can never pass as a check (as swift-argument-parser's snapshot helper does).
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["ROLLOUT_UPDATE_GOLDEN"] == "1" }

    /// Fails the test that just recorded `what`: recording is not checking.
    static func failRecorded(_ what: String, file: StaticString, line: UInt) {
        XCTFail("recorded a new golden file \(what); review the diff, then rerun without ROLLOUT_UPDATE_GOLDEN=1", file: file, line: line)
    }

    static func check(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = CLI.repository.appendingPathComponent("Fixtures/golden/\(name)")
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            failRecorded("Fixtures/golden/\(name)", file: file, line: line)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
            let expectedLines = expected.components(separatedBy: "\n"), actualLines = actual.components(separatedBy: "\n")
            let index =
                zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            XCTFail(
                "output differs from Fixtures/golden/\(name) at line \(index + 1):\n expected: \(index < expectedLines.count ? expectedLines[index] : "<end>")\n   actual: \(index < actualLines.count ? actualLines[index] : "<end>")",
                file: file, line: line)
        }
    }
}

/// A transcript of commands and their output, for golden session files.
struct Transcript {
    var text = ""
    let cli: CLI

    mutating func run(_ arguments: [String], now: String? = nil) throws {
        let result = try cli.run(arguments, extraEnvironment: now.map { ["ROLLOUT_NOW": $0] } ?? [:])
        text += "$ rollout " + arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ") + "\n"
        text += result.stdout
        if !result.stderr.isEmpty { text += result.stderr }
        text += "[exit \(result.status)]\n\n"
    }
}
