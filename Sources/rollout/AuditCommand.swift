import ArgumentParser
import Foundation
import RolloutCore
import RolloutStore

/// `rollout audit`: prove the history is untampered, and take it away.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the hash-chained history and export it for verification elsewhere.",
        subcommands: [Verify.self, Export.self]
    )

    /// Exit code when verification fails.
    static let failed: Int32 = 5

    /// `rollout audit verify [--expect-head HASH] [--file EXPORT]`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute the chain, replay the state machine and compare the stored state.",
            discussion: "Exit 0 when everything checks out, 5 when verification fails (the first bad entry is named), 2 for bad input."
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        @Option(name: .customLong("expect-head"), help: "A head hash noted earlier (a prefix will do); detects a rewritten or truncated history.")
        var expectHead: String?

        @Option(name: .long, help: "Verify an export file instead of the database.")
        var file: String?

        func run() throws {
            try reporting {
                if let expectHead, expectHead.count < 6 || !expectHead.allSatisfy(\.isHexDigit) {
                    throw InputError("invalid --expect-head \"\(expectHead)\"; expected a head hash (at least 6 hex digits)")
                }
                let result: Verification
                let source: String
                if let file {
                    guard FileManager.default.isReadableFile(atPath: file) else { throw InputError("cannot read \(file); expected an export file") }
                    result = try ExportVerifier.verify(expectHead: expectHead) { each in try LineReader.forEachLine(path: file, each) }
                    source = file
                } else {
                    let store = try database.open()
                    result = try store.verify(expectHead: expectHead)
                    source = store.path
                }
                if output.json {
                    try JSONOutput.print(VerificationView(source: source, passed: result.passed, entries: result.entries, head: result.head,
                                                          failedEntry: result.failure?.entry, failure: result.failure?.message))
                } else if let failure = result.failure {
                    print("\(Terminal.paint("VERIFICATION FAILED", .red)) for \(source)")
                    print(failure.description)
                    print("Checked \(result.entries) entries before the failure.")
                } else {
                    print("\(Terminal.paint("Verified", .green)) \(result.entries) entries in \(source): hash chain intact, every entry legal when made\(file == nil ? ", stored state equals the replay" : "").")
                    print("Head: \(result.head)")
                }
                if !result.passed { throw ExitCode(AuditCommand.failed) }
            }
        }

        private struct VerificationView: Encodable {
            var source: String
            var passed: Bool
            var entries: Int64
            var head: String
            var failedEntry: Int64?
            var failure: String?
        }
    }

    /// `rollout audit export FILE`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the plan and the full chain as JSON lines (format: docs/audit.md).")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The file to write: replaced whole when complete if it is a regular file; written into if it is a FIFO or a device; - for standard output.")
        var file: String

        func run() throws {
            try reporting {
                let store = try database.open()
                var lines = 0
                try AtomicFile.write(file) { sink in
                    try store.export { line in
                        try sink.write(line)
                        try sink.write(byte: 0x0A)
                        lines += 1
                    }
                }
                let head = try store.head()
                let summary = ["Wrote \(lines) lines to \(file == "-" ? "standard output" : file): \(head.count) entries, head \(head.hash).",
                               "Verify it anywhere with `rollout audit verify --file FILE` or `python3 docs/verify_export.py FILE`."]
                if file == "-" {
                    summary.forEach(Terminal.standardError)
                } else {
                    print(summary[0])
                    print("Verify it anywhere with `rollout audit verify --file \(file)` or `python3 docs/verify_export.py \(file)`.")
                }
            }
        }
    }
}
