import ArgumentParser
import RolloutApp

/// `rollout import progress FILE.csv`: bring progress kept in a spreadsheet into the history.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import progress from a spreadsheet saved as CSV.",
        subcommands: [ImportProgressCommand.self]
    )
}

/// `rollout import progress FILE.csv [--apply]`.
struct ImportProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show what a progress sheet would record, row by row; with --apply, record it.",
        discussion: """
            Columns (English or Chinese headers): office/街道, batch/批次, milestone/里程碑, date/日期, and optionally \
            note/备注, reporter/填报人. Offices and milestones by id or Chinese name; UTF-8 (with or without BOM) or \
            GB18030/GBK. Without --apply nothing is written. With --apply the allowed rows are recorded in one \
            transaction, in date order, by the coordinator importing, each with the reporter, the file's SHA-256 and \
            the row; refused rows are not recorded. Importing the same file again records nothing new. See docs/import.md.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: "The CSV file.")
    var file: String

    @Flag(name: .long, help: "Record the allowed rows (without it: a dry run that writes nothing).")
    var apply = false

    @Option(name: .long, help: "The entry count or head hash the dry run showed; refuse if the history moved since.")
    var expect: String?

    func run() throws {
        try reporting {
            let (service, person, clock) = try database.openForWriting(as: actor)
            let bytes = try SheetFile.read(file)
            let result = try service.importProgress(
                ProgressImport(bytes: bytes, apply: apply, expect: expect), by: person,
                at: clock)
            try ImportRendering(plan: service.plan, result: result, path: file).print(json: output.json)
        }
    }
}
