import Foundation

/// The two engines a store can live in. The conformance tests run on each one
/// available: SQLite always, PostgreSQL when `ROLLOUT_TEST_POSTGRES` names a
/// server (`scripts/with-postgres.sh` starts one and sets it).
public enum TestEngine: String, CaseIterable, Sendable {
    case sqlite
    case postgres

    /// The engines to test on. Throws when `ROLLOUT_TEST_REQUIRE_POSTGRES=1`
    /// (CI) and no server is named: the PostgreSQL half must never be skipped quietly.
    public static func available() throws -> [TestEngine] {
        if PostgresTestServer.adminURL != nil { return [.sqlite, .postgres] }
        if ProcessInfo.processInfo.environment["ROLLOUT_TEST_REQUIRE_POSTGRES"] == "1" {
            throw PostgresTestServer.Missing()
        }
        return [.sqlite]
    }

    /// Where a new database of this engine goes: a file in `folder`, or a fresh database on the test server.
    public func location(in folder: URL, name: String = "test") throws -> String {
        switch self {
        case .sqlite: return folder.appendingPathComponent("\(name).sqlite").path
        case .postgres: return try PostgresTestServer.freshDatabase()
        }
    }
}

/// The PostgreSQL server of the tests, reached through its admin URL
/// (`postgresql://postgres@/postgres?host=DIR`); each test makes its own database.
public enum PostgresTestServer {
    /// No server is named, but the run requires one.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "ROLLOUT_TEST_REQUIRE_POSTGRES=1 but ROLLOUT_TEST_POSTGRES names no server; run the tests under scripts/with-postgres.sh"
        }
    }

    /// A psql command that failed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static var adminURL: String? {
        ProcessInfo.processInfo.environment["ROLLOUT_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The URL of a database with a name no test used yet (rollout creates it on `init`).
    public static func freshDatabase() throws -> String {
        guard let admin = adminURL, var components = URLComponents(string: admin) else { throw Missing() }
        components.path = "/rollout_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        guard let url = components.string else { throw Failure(description: "cannot make a database URL from \(admin)") }
        return url
    }

    /// Runs SQL with psql on the database at `url` as the URL's user, and returns what it printed (unaligned, tuples only).
    @discardableResult
    public static func psql(_ sql: String, on url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-d", url, "-c", sql]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "psql failed on \(sql): \(String(decoding: complaints, as: UTF8.self))")
        }
        return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
