import ArgumentParser
import Foundation
import RolloutApp
import RolloutCore
import RolloutStore

/// `rollout export DIR`: status, history, problems and the catalog as CSV and JSON.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write status, history, problems and catalog as CSV (UTF-8 with BOM, for Excel) and JSON into a folder.",
        discussion: "Columns are documented in docs/exports.md."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The folder to write into (created if missing).")
    var folder: String

    @Option(name: .customLong("as-of"), help: "Status as of this date (default: today).")
    var asOf: String?

    func run() throws {
        try reporting {
            guard folder != "-" else {
                throw InputError(
                    "export writes eight files into a folder, so - (standard output) cannot take them; name a folder, or use `rollout audit export -` for the history as JSON lines"
                )
            }
            let service = try database.openToRead()
            let tables = try service.exportTables(asOf: asOf, now: try CommandClock.now(for: service))
            let created = try OutputFolder.create(folder)
            let tablesAndJSON: [(String, ExportTable, String)] = [
                ("status", tables.status, try JSONOutput.text(tables.status.objects)),
                ("history", tables.historyTable, try JSONOutput.text(tables.history.map(EntryRecord.init))),
                ("problems", tables.problemsTable, try JSONOutput.text(tables.problemsTable.objects)),
                ("catalog", tables.catalog, try JSONOutput.text(tables.plan.items)),
            ]
            // All eight files or none: each is written whole beside its name, then all are renamed into place.
            var files: [(path: String, produce: (inout FileSink) throws -> Void)] = []
            for (name, table, json) in tablesAndJSON {
                let csv = CSVWriter.text(of: table)
                files.append(((folder as NSString).appendingPathComponent("\(name).csv"), { try $0.write(csv) }))
                files.append(((folder as NSString).appendingPathComponent("\(name).json"), { try $0.write(json) }))
            }
            do {
                try AtomicFile.writeAll(files)
            } catch {
                if created { rmdir(folder) }  // only if still empty
                throw error
            }
            print("Wrote status, history, problems and catalog (.csv and .json) to \(folder), status as of \(tables.date).")
        }
    }
}
