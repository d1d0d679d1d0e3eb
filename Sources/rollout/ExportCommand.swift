import ArgumentParser
import Foundation
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
                throw InputError("export writes eight files into a folder, so - (standard output) cannot take them; name a folder, or use `rollout audit export -` for the history as JSON lines")
            }
            let store = try database.open()
            let plan = store.plan
            let (state, date) = try StatusQuery(store: store, asOf: asOf, knownAt: nil, batches: []).stateAndDate()
            let created = try ExportFolder.create(folder)
            let tables = Tables(plan: plan, boards: plan.batches.map { StatusBoard(plan: plan, state: state, batch: $0, asOf: date) },
                                history: try store.history(HistoryFilter()), problems: try store.problems(openOnly: false))
            // All eight files or none: each is written whole beside its name, then all are renamed into place.
            var files: [(path: String, produce: (inout FileSink) throws -> Void)] = []
            for (name, csv, json) in [("status", tables.status, tables.statusJSON), ("history", tables.historyCSV, tables.historyJSON),
                                      ("problems", tables.problemsCSV, tables.problemsJSON), ("catalog", tables.catalogCSV, tables.catalogJSON)] {
                let jsonText = try json()
                files.append(((folder as NSString).appendingPathComponent("\(name).csv"), { try $0.write(csv) }))
                files.append(((folder as NSString).appendingPathComponent("\(name).json"), { try $0.write(jsonText) }))
            }
            do {
                try AtomicFile.writeAll(files)
            } catch {
                if created { rmdir(folder) }  // only if still empty
                throw error
            }
            print("Wrote status, history, problems and catalog (.csv and .json) to \(folder), status as of \(date).")
        }
    }

    /// The four exported tables.
    struct Tables {
        let plan: Plan
        let boards: [StatusBoard]
        let history: [Entry]
        let problems: [ProblemRecord]

        static let statusHeader = ["batch", "office_id", "office_name", "milestone", "state", "date", "days_late", "live", "open_problems", "blocked_reason"]

        var statusRows: [[String]] {
            boards.flatMap { board in
                board.rows.flatMap { row in
                    zip(board.milestones, row.cells).map { milestone, cell in
                        let (state, date, late): (String, String, Int) = switch cell {
                        case .done(let d, let days): ("done", d.description, days)
                        case .due(let d): ("due", d.description, 0)
                        case .overdue(let d, let days): ("overdue", d.description, days)
                        case .blocked(let d, let days): ("blocked", d.description, days)
                        case .notApplicable: ("not_applicable", "", 0)
                        }
                        return [board.batch.id, row.office.id, row.office.name, milestone.id, state, date, String(late),
                                row.live ? "yes" : "no", String(row.openProblems), row.block?.reason ?? ""]
                    }
                }
            }
        }

        var status: String { csv(Self.statusHeader, statusRows) }
        func statusJSON() throws -> String { try json(Self.statusHeader, statusRows) }

        static let historyHeader = ["seq", "kind", "batch", "office_id", "office_name", "milestone", "target", "actor", "actor_role",
                                    "effective", "recorded_at", "note", "evidence", "registered", "refusal_reason", "refusal_message", "bulk", "plan_version", "hash"]

        var historyRows: [[String]] {
            history.map { entry in
                [String(entry.seq), entry.kind.rawValue, entry.batch ?? "", entry.office ?? "", entry.office.flatMap { plan.office(id: $0)?.name } ?? "",
                 entry.milestone ?? "", entry.target.map(String.init) ?? "", entry.actor, entry.actorRole.rawValue, entry.effective.description,
                 entry.recordedAt, entry.note, entry.evidence.map { "\($0.name) sha256:\($0.sha256) \($0.size) bytes" }.joined(separator: "; "),
                 entry.kind == .personAdded ? "\(entry.detail["name"] ?? "") (\(entry.detail["role"] ?? ""))" : "", entry.detail["reason"] ?? "", entry.detail["message"] ?? "", entry.bulk ?? "", entry.planVersion, entry.hash]
            }
        }

        var historyCSV: String { csv(Self.historyHeader, historyRows) }
        func historyJSON() throws -> String { try JSONOutput.text(history.map(EntryRecord.init)) }

        static let problemsHeader = ["id", "batch", "office_id", "office_name", "opened", "problem", "resolved_by", "resolved", "resolution"]

        var problemRows: [[String]] {
            problems.map { record in
                [String(record.problem.id), record.batch, record.office, plan.office(id: record.office)?.name ?? "", record.problem.opened.description,
                 record.problem.note, record.problem.resolution.map { String($0.entry) } ?? "", record.problem.resolution?.effective.description ?? "",
                 record.problem.resolution?.note ?? ""]
            }
        }

        var problemsCSV: String { csv(Self.problemsHeader, problemRows) }
        func problemsJSON() throws -> String { try json(Self.problemsHeader, problemRows) }

        static let catalogHeader = ["number", "name", "area", "depth", "channels", "unit", "sections", "batch", "batch_label", "remarks"]

        var catalogCSV: String {
            csv(Self.catalogHeader, plan.items.map { item in
                [String(item.number), item.name, item.area, item.depth.text,
                 item.depth.channels.map { $0.map { step in step.levels.map(\.rawValue).joined(separator: "/") + ":" + step.actions.map(\.rawValue).joined(separator: "+") }.joined(separator: " > ") }.joined(separator: " | "),
                 item.unit, item.sections.joined(separator: "、"), item.batch, plan.batch(id: item.batch)?.label ?? "", item.remarks]
            })
        }

        func catalogJSON() throws -> String { try JSONOutput.text(plan.items) }

        private func csv(_ header: [String], _ rows: [[String]]) -> String {
            var writer = CSVWriter(header: header)
            for row in rows { writer.add(row) }
            return writer.text
        }

        private func json(_ header: [String], _ rows: [[String]]) throws -> String {
            try JSONOutput.text(rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
        }
    }
}
