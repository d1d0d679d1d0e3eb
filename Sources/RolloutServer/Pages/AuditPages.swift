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
                let own = ReadRoutes.ownOffice(try page.person)
                let asked = HistoryRequest(
                    office: own ?? request.query("office"), batch: request.query("batch"), milestone: request.query("milestone"),
                    actor: request.query("actor"), kind: request.query("kind"), from: request.query("from"), to: request.query("to"),
                    recordedFrom: request.query("recordedFrom"), recordedTo: request.query("recordedTo"), limit: Self.rowLimit + 1)
                let entries = try await Blocking.run { try service.history(try service.historyFilter(asked)) }
                return try await historyPage(page, title: page.strings["history_title"], entries: entries, filters: asked, showFilters: true)
            },
            PageRoute(.get, "/refusals", .coordinatorOrAuditor) { _, _, page in
                let entries = try await Blocking.run { try service.refusals() }
                return try await historyPage(
                    page, title: page.strings["history_refusalsTitle"], entries: entries, filters: HistoryRequest(), showFilters: false)
            },
            PageRoute(.get, "/changes", .coordinatorOrAuditor) { request, _, page in
                var model: [String: Any] = ["from": request.query("from") ?? "", "to": request.query("to") ?? ""]
                if let from = request.query("from"), let to = request.query("to") {
                    let plan = service.plan
                    let (report, entries) = try await Blocking.run {
                        let report = try service.changes(from: from, to: to)
                        return (report, try service.changeEntries(report))
                    }
                    model["changes"] = report.changes.map { "\($0.batch) \($0.office.flatMap { plan.office(id: $0)?.name } ?? "") \($0.description)" }
                    model["entries"] = entries.map { EntryLine($0, plan: plan) }
                    model["asked"] = true
                }
                return try await pages.html("changes", page, title: page.strings["changes_title"], model)
            },
            PageRoute(.get, "/verify", .coordinatorOrAuditor) { request, _, page in
                var model: [String: Any] = [:]
                if request.query("run") != nil {
                    let verification = try await Blocking.run { try service.verify(expectHead: nil) }
                    model["ran"] = true
                    model["passed"] = verification.passed
                    model["result"] = page.strings.format("verify_passed", ["n": String(verification.entries)])
                    if let failure = verification.failure { model["failure"] = failure.description }
                    model["head"] = verification.head
                }
                return try await pages.html("verify", page, title: page.strings["verify_title"], model)
            },
            PageRoute(.get, "/evidence/:sha256", .signedIn) { request, context, page in
                let (sha256, person) = (try context.parameters.require("sha256"), try page.person)
                let file = try await Blocking.run { try service.evidenceFile(sha256: sha256, for: person) }
                let name = request.query("name") ?? "evidence-\(sha256.prefix(12))"
                let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
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
        let shown = entries.suffix(Self.rowLimit).reversed().map { EntryLine($0, plan: plan) }
        var model: [String: Any] = [
            "entries": Array(shown),
            "showFilters": showFilters, "office": filters.office ?? "", "batch": filters.batch ?? "", "milestone": filters.milestone ?? "",
            "actor": filters.actor ?? "", "kind": filters.kind ?? "", "from": filters.from ?? "", "to": filters.to ?? "",
            "recordedFrom": filters.recordedFrom ?? "", "recordedTo": filters.recordedTo ?? "",
            "isOffice": page.signedIn?.person.role == .office,
        ]
        if entries.count > Self.rowLimit { model["limited"] = page.strings.format("history_limited", ["n": String(Self.rowLimit)]) }
        return try await pages.html("history", page, title: title, model)
    }
}
