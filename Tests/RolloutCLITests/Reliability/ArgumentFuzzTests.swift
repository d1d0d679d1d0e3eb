import Foundation
import TestSupport
import XCTest

/// Random command lines never crash the binary: every run ends with one of
/// the documented exit codes, and failures say why on stderr.
final class ArgumentFuzzTests: XCTestCase {
    func testRandomArgumentsEndWithADocumentedExitCode() throws {
        let cli = try CLI(now: "2026-09-10T10:00:00+08:00")
        defer { cli.remove() }
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏"])
        var random = SeededGenerator(seed: 42)
        let commands = [
            ["record"], ["status"], ["overdue"], ["history"], ["catalog"], ["correct"], ["problem", "open"], ["problem", "resolve"],
            ["block"], ["people", "add"], ["people", "remove"], ["audit", "verify"], ["changes"], ["plan"], ["graph"], ["export"], ["bogus"],
        ]
        let options = [
            "--batch", "--office", "--as", "--date", "--note", "--reason", "--json", "--dry-run", "--expect", "--key", "--as-of",
            "--from", "--to", "--known-at", "--level", "--role", "--limit", "--format", "--expect-head", "--evidence",
        ]
        let values = [
            "1", "2", "0", "batch9", "all", "解放碑", "jiefangbie", "王敏", "nobody", "2026-02-30", "2026-08-31", "2099-01-01", "-5",
            "99999999999999999999", "", " ", "'; DROP TABLE entries; --", "guides_written", "live", "street", "银行", "abcdef", "\u{7}",
            String(repeating: "长", count: 3000), "/nonexistent", "dot", "coordinator", "office",
        ]
        for round in 0..<120 {
            var arguments = commands.randomElement(using: &random) ?? ["status"]
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                if Bool.random(using: &random) { arguments.append(options.randomElement(using: &random) ?? "--json") }
                arguments.append(values.randomElement(using: &random) ?? "")
            }
            let result = try cli.run(arguments)
            XCTAssertTrue(
                [0, 2, 3, 4, 5, 64].contains(result.status), "round \(round): rollout \(arguments) exited \(result.status): \(result.stderr)")
            if result.status != 0 { XCTAssertFalse(result.stderr.isEmpty, "round \(round): \(arguments) failed silently") }
        }
        try cli.expect(0, ["audit", "verify"])
    }
}
