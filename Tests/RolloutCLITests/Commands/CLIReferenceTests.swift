import Foundation
import XCTest

/// `docs/cli.md` shows every command with an example and its output; this test
/// runs the examples in order against a demo database and compares the output.
/// `ROLLOUT_UPDATE_GOLDEN=1` rewrites the outputs in the document instead, and fails.
final class CLIReferenceTests: XCTestCase {
    func testEveryExampleInTheCLIReferenceProducesTheOutputShown() throws {
        let cli = try CLI(now: "2026-11-20T18:00:00+08:00")
        defer { cli.remove() }
        var environment = cli
        environment.environment["ROLLOUT_DB"] = "yuzhong.sqlite"
        try environment.expect(0, ["demo", "--db", "yuzhong.sqlite"])

        let url = CLI.repository.appendingPathComponent("docs/cli.md")
        let document = try String(contentsOf: url, encoding: .utf8)
        var rewritten = ""
        var examples = 0
        var remaining = Substring(document)
        while let start = remaining.range(of: "```console\n") {
            rewritten += remaining[..<start.upperBound]
            remaining = remaining[start.upperBound...]
            guard let end = remaining.range(of: "```\n") else { break }
            let block = remaining[..<end.lowerBound]
            remaining = remaining[end.lowerBound...]
            guard let commandLine = block.split(separator: "\n", omittingEmptySubsequences: false).first, commandLine.hasPrefix("$ rollout") else {
                rewritten += block
                continue
            }
            let arguments = ShellWords.split(String(commandLine.dropFirst("$ rollout ".count)))
            let result = try environment.run(arguments)
            var output = result.stdout + result.stderr
            if result.status != 0 { output += "[exit \(result.status)]\n" }
            let expected = String(block.dropFirst(commandLine.count + 1))
            if !Golden.recording {
                XCTAssertEqual(output, expected, "docs/cli.md: \(commandLine)")
            }
            rewritten += commandLine + "\n" + output
            examples += 1
        }
        rewritten += remaining
        if Golden.recording {
            try rewritten.write(to: url, atomically: true, encoding: .utf8)
            Golden.failRecorded("docs/cli.md", file: #filePath, line: #line)
        }
        XCTAssertGreaterThan(examples, 20)
    }
}

/// Splits a command line on spaces, honouring single quotes.
enum ShellWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, inWord = false
        for character in line {
            if character == "'" {
                quoted.toggle(); inWord = true
            } else if character == " " && !quoted {
                if inWord { words.append(current) }; current = ""; inWord = false
            } else {
                current.append(character); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
