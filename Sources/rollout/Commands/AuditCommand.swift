import ArgumentParser
import Foundation
import RolloutApp
import RolloutCore

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
                try RolloutService.checkNotedHead(expectHead)
                let result: Verification
                let source: String
                if let file {
                    guard FileManager.default.isReadableFile(atPath: file) else { throw InputError("cannot read \(file); expected an export file") }
                    result = try RolloutService.verifyExport(expectHead: expectHead) { each in try LineReader.forEachLine(path: file, each) }
                    source = file
                } else {
                    let service = try database.open()
                    result = try service.verify(expectHead: expectHead)
                    source = service.path
                }
                if output.json {
                    try JSONOutput.print(VerificationView(source: source, result))
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
    }

    /// `rollout audit export FILE`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the plan and the full chain as JSON lines (format: docs/audit.md).")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The file to write (replaced if it exists).")
        var file: String

        func run() throws {
            try reporting {
                let service = try database.open()
                let temporary = file + ".partial"
                guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
                    throw InputError("cannot write \(file); expected a writable path")
                }
                var buffer = Data()
                var lines = 0
                let head = try service.auditExport { line in
                    buffer.append(contentsOf: Array(line.utf8))
                    buffer.append(0x0A)
                    lines += 1
                    if buffer.count > 1 << 20 { handle.write(buffer); buffer.removeAll(keepingCapacity: true) }
                }
                handle.write(buffer)
                try handle.close()
                if FileManager.default.fileExists(atPath: file) { try FileManager.default.removeItem(atPath: file) }
                try FileManager.default.moveItem(atPath: temporary, toPath: file)
                print("Wrote \(lines) lines to \(file): \(head.count) entries, head \(head.hash).")
                print("Verify it anywhere with `rollout audit verify --file \(file)` or `python3 docs/verify_export.py \(file)`.")
            }
        }
    }
}
