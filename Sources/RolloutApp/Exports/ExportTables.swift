import RolloutCore
import RolloutStore

/// One exported table: a header and rows of text, the same for CSV and JSON.
package struct ExportTable: Sendable {
    package let header: [String]
    package let rows: [[String]]

    /// The rows as objects keyed by the header, for JSON.
    package var objects: [[String: String]] {
        rows.map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
    }
}

/// What `export` writes: the status of every batch on a date, the whole
/// history, every problem and the catalog (columns: docs/exports.md).
package struct ExportTables: Sendable {
    package let plan: Plan
    /// The date the status is judged on.
    package let date: LocalDate
    package let boards: [StatusBoard]
    package let history: [Entry]
    package let problems: [ProblemRecord]

    package var status: ExportTable {
        ExportTable(
            header: ["batch", "office_id", "office_name", "milestone", "state", "date", "days_late", "live", "open_problems", "blocked_reason"],
            rows: boards.flatMap { board in
                board.rows.flatMap { row in
                    zip(board.milestones, row.cells).map { milestone, cell in
                        let (state, date, late) = cell.parts
                        return [
                            board.batch.id, row.office.id, row.office.name, milestone.id, state.rawValue, date?.description ?? "", String(late),
                            row.live ? "yes" : "no", String(row.openProblems), row.block?.reason ?? "",
                        ]
                    }
                }
            })
    }

    package var historyTable: ExportTable {
        ExportTable(
            header: [
                "seq", "kind", "batch", "office_id", "office_name", "milestone", "target", "actor", "actor_role",
                "effective", "recorded_at", "note", "evidence", "registered", "refusal_reason", "refusal_message", "bulk", "plan_version", "hash",
            ],
            rows: history.map { entry in
                return [
                    String(entry.seq), entry.kind.rawValue, entry.batch ?? "", entry.office ?? "",
                    entry.office.flatMap { plan.office(id: $0)?.name } ?? "",
                    entry.milestone ?? "", entry.target.map(String.init) ?? "", entry.actor, entry.actorRole.rawValue, entry.effective.description,
                    entry.recordedAt, entry.note, entry.evidence.map { "\($0.name) sha256:\($0.sha256) \($0.size) bytes" }.joined(separator: "; "),
                    entry.kind == .personAdded ? "\(entry.detail.name ?? "") (\(entry.detail.role ?? ""))" : "", entry.detail.reason ?? "",
                    entry.detail.message ?? "", entry.bulk ?? "", entry.planVersion, entry.hash,
                ]
            })
    }

    package var problemsTable: ExportTable {
        ExportTable(
            header: ["id", "batch", "office_id", "office_name", "opened", "problem", "resolved_by", "resolved", "resolution"],
            rows: problems.map { record in
                [
                    String(record.problem.id), record.batch, record.office, plan.office(id: record.office)?.name ?? "",
                    record.problem.opened.description,
                    record.problem.note, record.problem.resolution.map { String($0.entry) } ?? "",
                    record.problem.resolution?.effective.description ?? "",
                    record.problem.resolution?.note ?? "",
                ]
            })
    }

    package var catalog: ExportTable {
        ExportTable(
            header: ["number", "name", "area", "depth", "channels", "unit", "sections", "batch", "batch_label", "remarks"],
            rows: plan.items.map { item in
                [
                    String(item.number), item.name, item.area, item.depth.text, item.depth.channelsText, item.unit,
                    item.sections.joined(separator: "、"),
                    item.batch, plan.batch(id: item.batch)?.label ?? "", item.remarks,
                ]
            })
    }
}

extension RolloutService {
    /// Everything `export` writes, the status as of `asOf` (default today).
    package func exportTables(asOf: String?, now: Timestamp) throws -> ExportTables {
        let (state, date) = try stateAndDate(StatusRequest(asOf: asOf), now: now)
        return ExportTables(
            plan: plan, date: date, boards: plan.batches.map { StatusBoard(plan: plan, state: state, batch: $0, asOf: date) },
            history: try store.history(HistoryFilter()), problems: try store.problems(openOnly: false))
    }
}
