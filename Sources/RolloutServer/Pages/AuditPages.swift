import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RolloutApp
import RolloutCore
import RolloutWeb

/// What auditors (and coordinators) read: the history with the CLI's
/// filters, refusals, changes between two dates, verification with the head
/// hash and the export; and, for anyone allowed, evidence files and the stylesheet.
struct AuditPages {
    let pages: Pages

    /// The most rows a history page shows; the filters narrow it.
    static let rowLimit = 500

    var routes: [PageRoute] {
        let service = pages.service
        return [
            PageRoute(.get, "/history", .signedIn) { request, _, page in
                let scope = ReadScope(try page.person)
                let asked = HistoryRequest(
                    office: scope.office ?? request.query("office"), batch: request.query("batch"), milestone: request.query("milestone"),
                    actor: request.query("actor"), kind: request.query("kind"), from: request.query("from"), to: request.query("to"),
                    recordedFrom: request.query("recordedFrom"), recordedTo: request.query("recordedTo"), limit: Self.rowLimit + 1)
                let entries = try await Blocking.run {
                    var filter = try service.historyFilter(asked)
                    filter.office = try scope.historyOffice(asked: filter.office, plan: service.plan)
                    return try service.history(filter)
                }
                return try await historyPage(page, title: page.strings["history_title"], entries: entries, filters: asked, showFilters: true)
            },
            PageRoute(.get, "/refusals", .coordinatorOrAuditor) { _, _, page in
                let entries = try await Blocking.run { try service.refusals() }
                return try await historyPage(
                    page, title: page.strings["history_refusalsTitle"], entries: entries, filters: HistoryRequest(), showFilters: false)
            },
            PageRoute(.get, "/changes", .coordinatorOrAuditor) { request, _, page in
                var answer: (changes: [String], entries: [EntryLine])?
                if let from = request.query("from"), let to = request.query("to") {
                    let plan = service.plan
                    let (report, entries) = try await Blocking.run {
                        let report = try service.changes(from: from, to: to)
                        return (report, try service.changeEntries(report))
                    }
                    answer = (
                        report.changes.map { "\($0.batch) \($0.office.flatMap { plan.office(id: $0)?.name } ?? "") \($0.description)" },
                        entries.map { EntryLine($0, plan: plan, strings: page.strings) }
                    )
                }
                return try pages.html(
                    ChangesPage(
                        frame: await pages.frame(page, title: page.strings["changes_title"]), from: request.query("from") ?? "",
                        to: request.query("to") ?? "", answer: answer))
            },
            PageRoute(.get, "/verify", .coordinatorOrAuditor) { request, _, page in
                var verification: Verification?
                if request.query("run") != nil {
                    verification = try await Blocking.run { try service.verify(expectHead: nil) }
                }
                return try pages.html(VerifyPage(frame: await pages.frame(page, title: page.strings["verify_title"]), verification: verification))
            },
            PageRoute(.get, "/evidence/:sha256", .signedIn) { _, context, page in
                let (sha256, person) = (try context.parameters.require("sha256"), try page.person)
                let file = try await Blocking.run { try service.evidenceFile(sha256: sha256, for: person) }
                // The name is the entry's, never the request's (`?name=x.html` is ignored).
                let encoded = file.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: file.mediaType, .contentDisposition: "attachment; filename*=UTF-8''\(encoded)",
                        .contentSecurityPolicy: "sandbox; default-src 'none'",
                    ],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
            },
            PageRoute(.get, "/static/style.css", .anyone) { _, _, _ in
                Response(
                    status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: PageRenderer.stylesheet)))
            },
        ]
    }

    private func historyPage(_ page: PageRequest, title: String, entries: [Entry], filters: HistoryRequest, showFilters: Bool) async throws
        -> Response
    {
        let plan = pages.service.plan
        let shown = entries.suffix(Self.rowLimit).reversed().map { EntryLine($0, plan: plan, strings: page.strings) }
        let limited = entries.count > Self.rowLimit ? page.strings.format("history_limited", ["n": String(Self.rowLimit)]) : nil
        return try pages.html(
            HistoryPage(
                frame: await pages.frame(page, title: title), entries: Array(shown), filters: filters, showFilters: showFilters,
                isOffice: page.signedIn?.person.role == .office, limited: limited))
    }
}
