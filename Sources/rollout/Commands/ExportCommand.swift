import ArgumentParser
import Foundation
import RolloutApp
import RolloutCore

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
            let tables = try database.open().exportTables(asOf: asOf, now: try Clock.now())
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw InputError("cannot create folder \(folder); expected a writable path")
            }
            let files: [(String, ExportTable, () throws -> String)] = [
                ("status", tables.status, { try JSONOutput.text(tables.status.objects) }),
                ("history", tables.historyTable, { try JSONOutput.text(tables.history.map(EntryRecord.init)) }),
                ("problems", tables.problemsTable, { try JSONOutput.text(tables.problemsTable.objects) }),
                ("catalog", tables.catalog, { try JSONOutput.text(tables.plan.items) }),
            ]
            for (name, table, json) in files {
                try TextFile.write(CSVWriter.text(of: table), to: (folder as NSString).appendingPathComponent("\(name).csv"))
                try TextFile.write(try json(), to: (folder as NSString).appendingPathComponent("\(name).json"))
            }
            print("Wrote status, history, problems and catalog (.csv and .json) to \(folder), status as of \(tables.date).")
        }
    }
}
