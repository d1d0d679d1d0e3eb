import Hummingbird
import RolloutApp
import RolloutCore
import RolloutWeb

/// The district board (matrix, timeline, overdue work, open problems; now,
/// on a past date, or as known at a past time) and each office's page.
struct BoardPages {
    let pages: Pages

    var routes: [PageRoute] {
        [
            PageRoute(.get, "/board", .signedIn) { request, _, page in try await board(request, page) },
            PageRoute(.get, "/offices/:office", .signedIn) { _, context, page in
                try await office(try context.parameters.require("office"), page)
            },
        ]
    }

    private func board(_ request: Request, _ page: PageRequest) async throws -> Response {
        let (service, now, t) = (pages.service, pages.settings.clock.now(), page.strings)
        let person = try page.person
        let scope = ReadScope(try page.person)
        let batch = request.query("batch")
        let status = StatusRequest(batches: batch.map { [$0] } ?? [], asOf: request.query("asOf"), knownAt: request.query("knownAt"))
        let (boards, overdue, problems) = try await Blocking.run {
            let boards = try service.boards(status, now: now).map { scope.scoped($0) }
            let overdue = try service.overdue(status, now: now).items.filter { scope.includes($0.office?.id) }
            let problems = try service.problems(openOnly: true).filter { scope.includes($0.office) }
            return (boards, overdue, problems)
        }
        let plan = service.plan
        let batches =
            [Choice(value: "", label: "—", selected: batch == nil)]
            + plan.newBatches.map { Choice(value: $0.id, label: "\($0.id) \($0.label)", selected: $0.id == batch) }
        return try pages.html(
            BoardPage(
                frame: await pages.frame(page, title: t["board_title"]),
                sections: boards.map { BoardSection($0, plan: plan, strings: t, linkOffices: person.role != .office) },
                overdue: overdue.map { OverdueRow($0, strings: t) }, problems: problems.map { ProblemRow($0, plan: plan) }, batches: batches,
                asOf: request.query("asOf") ?? "", knownAt: request.query("knownAt") ?? ""))
    }

    private func office(_ id: String, _ page: PageRequest) async throws -> Response {
        let (service, now, t) = (pages.service, pages.settings.clock.now(), page.strings)
        let person = try page.person
        let plan = service.plan
        guard let office = plan.office(id: id) ?? plan.offices.first(where: { $0.name == id }) else {
            throw InputError("unknown office \"\(id)\"; expected one of: \(plan.offices.map(\.id).joined(separator: ", "))")
        }
        if !ReadScope(person).includes(office.id) {
            throw PermissionDenied("office staff of \(plan.officeLabel(person.office ?? "")) may not open the page of \(office.label)")
        }
        let (boards, problems) = try await Blocking.run {
            (
                try service.boards(StatusRequest(batches: plan.newBatches.map(\.id)), now: now).map { ReadScope.office(office.id).scoped($0) },
                try service.problems(openOnly: true).filter { $0.office == office.id }
            )
        }
        let ownStaff = person.role == .office
        let resolves = plan.followUp.resolvedBy.contains(person.role) && (person.role != .office || person.office == office.id)
        let reportable = plan.milestones.filter { $0.recordedBy == .office && $0.scope == .office }
        let inProgress = boards.first { board in board.rows.first.map { !$0.live } ?? false }?.batch.id
        return try pages.html(
            OfficePage(
                frame: await pages.frame(page, title: t.format("office_title", ["office": office.name])), office: office.id,
                sections: boards.map { BoardSection($0, plan: plan, strings: t, linkOffices: false) },
                problems: problems.map { ProblemRow($0, plan: plan) }, ownStaff: ownStaff, resolves: resolves, key: Secrets.sessionID(),
                milestones: reportable.map { Choice(value: $0.id, label: $0.label, selected: false) },
                batches: plan.newBatches.map { Choice(value: $0.id, label: "\($0.id) \($0.label)", selected: $0.id == inProgress) }))
    }
}
