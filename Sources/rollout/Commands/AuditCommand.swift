import ArgumentParser
import Foundation
import RolloutApp
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

        @Option(
            name: .customLong("expect-head"),
            help:
                "A head hash noted earlier (a prefix will do), or N:HASH for the head when there were N entries; detects a rewritten or truncated history."
        )
        var expectHead: String?

        @Option(name: .long, help: "Verify an export file instead of the database.")
        var file: String?

        func run() throws {
            try reporting {
                try RolloutService.checkNotedHead(expectHead)
                let result: Verification
                let source: String
                if let file {
                    guard FileManager.default.isReadableFile(atPath: file) else { throw InputError("cannot read \(file); expected an export file") }
                    result = try RolloutService.verifyExport(expectHead: expectHead) { each in try LineReader.forEachLine(path: file, each) }
                    source = file
                } else {
                    let service = try database.openToRead()
                    result = try service.verify(expectHead: expectHead)
                    source = service.location
                }
                if output.json {
                    try JSONOutput.print(VerificationView(source: source, result))
                } else if let failure = result.failure {
                    print("\(Terminal.paint("VERIFICATION FAILED", .red)) for \(source)")
                    print(failure.description)
                    print("Checked \(result.entries) entries before the failure.")
                } else {
                    print(
                        "\(Terminal.paint("Verified", .green)) \(result.entries) entries in \(source): hash chain intact, every entry legal when made\(file == nil ? ", stored state equals the replay" : "")."
                    )
                    print("Head: \(result.head)")
                }
                if !result.passed { throw ExitCode(AuditCommand.failed) }
            }
        }
    }

    /// `rollout audit export FILE`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write the plan and the full chain as JSON lines (format: docs/audit.md).")

        @OptionGroup var database: DatabaseOptions

        @Argument(
            help:
                "The file to write: replaced whole when complete if it is a regular file; written into if it is a FIFO or a device; - for standard output."
        )
        var file: String

        func run() throws {
            try reporting {
                let service = try database.openToRead()
                var lines = 0
                var head = Head(count: 0, hash: Entry.genesisHash)
                try AtomicFile.write(file) { sink in
                    head = try service.auditExport { line in
                        try sink.write(line)
                        try sink.write(byte: 0x0A)
                        lines += 1
                    }
                }
                let summary = [
                    "Wrote \(lines) lines to \(file == "-" ? "standard output" : file): \(head.count) entries, head \(head.hash).",
                    "Verify it anywhere with `rollout audit verify --file \(file == "-" ? "FILE" : file)` or `python3 docs/verify_export.py \(file == "-" ? "FILE" : file)`.",
                ]
                if file == "-" { summary.forEach(Terminal.standardError) } else { summary.forEach { print($0) } }
            }
        }
    }
}
