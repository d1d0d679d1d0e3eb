import Foundation
import Hummingbird
import RolloutApp
import RolloutCore
import RolloutWeb

/// A coordinator's upload of a progress sheet (`docs/import.md`): the dry run
/// first, row by row, then **Confirm** imports the same bytes against the head
/// the preview was decided on (a history that moved meanwhile is refused).
struct ImportPages {
    let pages: Pages

    var routes: [PageRoute] {
        let (service, settings) = (pages.service, pages.settings)
        return [
            PageRoute(.get, "/import", .coordinator) { _, _, page in
                try pages.html(ImportPage(frame: await pages.frame(page, title: page.strings["import_title"])))
            },
            PageRoute(.post, "/import/preview", .coordinator) { _, _, page in
                guard let sheet = page.form.files.first else { throw InputError("choose the sheet to import (a .csv file)") }
                return try await preview(sheet.bytes, name: sheet.name, page, notice: nil)
            },
            PageRoute(.post, "/import", .coordinator) { _, _, page in
                guard let encoded = page.form["sheet"], let bytes = Data(base64Encoded: encoded) else {
                    throw InputError("the previewed sheet is missing from the form; upload it again")
                }
                let (actor, expect, name) = (try page.actor, page.form["expect"], page.form["name"] ?? "")
                let result: ImportResult
                do {
                    result = try await Blocking.run {
                        try service.importProgress(
                            ProgressImport(bytes: [UInt8](bytes), apply: true, expect: expect), by: actor, at: settings.clock.now())
                    }
                } catch let error where Failure(of: error) == .stale {
                    // Sent twice, or the history moved since the preview: nothing was written; decide again and show it.
                    return try await preview([UInt8](bytes), name: name, page, notice: page.strings["import_moved"])
                }
                let recorded = result.rows.count { if case .recorded = $0.status { true } else { false } }
                try await pages.tell(
                    page,
                    page.strings.format(
                        "import_done",
                        [
                            "recorded": String(recorded), "already": String(result.alreadyImported), "refused": String(result.refused),
                            "bulk": result.bulk ?? "-",
                        ]))
                return Pages.redirect("/import")
            },
        ]
    }

    /// The dry run of `bytes`, with the form that imports exactly them against the head it was decided on.
    private func preview(_ bytes: [UInt8], name: String, _ page: PageRequest, notice: String?) async throws -> Response {
        let (service, settings, actor, t) = (pages.service, pages.settings, try page.actor, page.strings)
        let result = try await Blocking.run { try service.importProgress(ProgressImport(bytes: bytes), by: actor, at: settings.clock) }
        return try pages.html(
            ImportPreviewPage(
                frame: await pages.frame(page, title: t["import_previewTitle"]), notice: notice,
                summary: t.format(
                    "import_summary",
                    [
                        "name": name, "encoding": result.encoding.rawValue, "allowed": String(result.allowed), "refused": String(result.refused),
                        "already": String(result.alreadyImported),
                    ]),
                lines: result.rows.map { Self.line($0, plan: service.plan, strings: t) }, anyAllowed: result.allowed > 0,
                sheet: Data(bytes).base64EncodedString(), expect: String(result.headCount), name: name))
    }

    /// One row of the sheet in words: where, what, and whether it is (or was) imported.
    static func line(_ row: ImportedRow, plan: Plan, strings t: PageStrings) -> ImportPreviewPage.Line {
        let (state, css, message): (String, String, String) =
            switch row.status {
            case .allowed: (t["preview_allowed"], "allowed", "")
            case .recorded(let entry): (t["outcome_recorded"], "allowed", t.format("outcome_entry", ["seq": String(entry)]))
            case .alreadyImported(let entry): (t["import_already"], "due", t.format("outcome_entry", ["seq": String(entry)]))
            case .refused(_, let message): (t["preview_refused"], "refused", message)
            }
        return ImportPreviewPage.Line(
            row: row.row, office: row.office.flatMap { plan.office(id: $0)?.name } ?? row.office ?? "", batch: row.batch ?? "",
            milestone: row.milestone ?? "", date: row.effective?.description ?? "", reporter: row.reporter, state: state, css: css,
            message: message)
    }
}
