import Hummingbird
import RolloutApp
import RolloutCore

/// Everything a signed-in person reads. Coordinators and auditors see the
/// whole district; office staff see the plan and their own office's data only,
/// and a request naming another office is refused.
struct ReadRoutes {
    let service: RolloutService
    let settings: ServerSettings

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/v1/plan", .signedIn) { request, context, _ in
                try JSONBody(PlanView(service.plan)).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/offices", .signedIn) { request, context, _ in
                try JSONBody(service.plan.offices).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/catalog", .signedIn) { request, context, _ in
                let catalog = CatalogRequest(
                    batch: request.query("batch"), area: request.query("area"), unit: request.query("unit"), section: request.query("section"),
                    level: request.query("level"), acceptedAt: request.query("acceptedAt"), fullyAt: request.query("fullyAt"))
                let service = service
                return try JSONBody(try await Blocking.run { try service.items(catalog) }).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/status", .signedIn) { request, context, signedIn in
                let status = StatusRequest(batches: request.queries("batch"), asOf: request.query("asOf"), knownAt: request.query("knownAt"))
                let (service, now, scope) = (service, settings.clock.now(), ReadScope(signedIn.person))
                // Built and written batch by batch on the thread pool: a national board is 40,000 rows.
                let json = try await Blocking.run {
                    var boards: [StatusBoard] = []
                    try service.eachBoard(status, now: now) { boards.append(scope.scoped($0)) }
                    return BoardsJSON.bytes(boards)
                }
                return Response(
                    status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
            },
            APIRoute(.get, "/api/v1/overdue", .signedIn) { request, context, signedIn in
                let (service, now, scope, asOf) = (service, settings.clock.now(), ReadScope(signedIn.person), request.query("asOf"))
                let items = try await Blocking.run { try service.overdue(asOf: asOf, now: now).items }
                return try JSONBody(items.filter { scope.includes($0.office?.id) }.map(OverdueView.init)).response(
                    from: request, context: context)
            },
            APIRoute(.get, "/api/v1/history", .signedIn) { request, context, signedIn in
                try await history(request, context, signedIn, office: request.query("office"))
            },
            APIRoute(.get, "/api/v1/offices/:office/history", .signedIn) { request, context, signedIn in
                try await history(request, context, signedIn, office: try context.parameters.require("office"))
            },
            APIRoute(.get, "/api/v1/changes", .signedIn) { request, context, signedIn in
                guard let from = request.query("from"), let to = request.query("to") else {
                    throw InputError("name the period with from and to, both YYYY-MM-DD")
                }
                let (service, scope) = (service, ReadScope(signedIn.person))
                let view = try await Blocking.run {
                    let report = try service.changes(from: from, to: to)
                    var view = ChangesView(report, entries: try service.changeEntries(report).filter { scope.includes($0.office) })
                    view.changes = view.changes.filter { scope.includes($0.office) }
                    return view
                }
                return try JSONBody(view).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/refusals", .signedIn) { request, context, signedIn in
                let (service, scope) = (service, ReadScope(signedIn.person))
                let refusals = try await Blocking.run { try service.refusals().filter { scope.includes($0.office) } }
                return try JSONBody(refusals.map(RefusalView.init)).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/problems", .signedIn) { request, context, signedIn in
                let (service, scope, all) = (service, ReadScope(signedIn.person), try request.booleanQuery("all") ?? false)
                let problems = try await Blocking.run { try service.problems(openOnly: !all).filter { scope.includes($0.office) } }
                return try JSONBody(problems.map(ProblemView.init)).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/people", .signedIn) { request, context, signedIn in
                let (service, scope) = (service, ReadScope(signedIn.person))
                let people = try await Blocking.run {
                    try service.people().filter { scope.includes($0.office) || $0.role == .coordinator }
                }
                return try JSONBody(people.map(PersonView.init)).response(from: request, context: context)
            },
        ]
    }

    /// The history with the CLI's filters; office staff only their own office's.
    private func history(_ request: Request, _ context: ServerContext, _ signedIn: SignedIn, office: String?) async throws -> Response {
        let service = service
        let scope = ReadScope(signedIn.person)
        let filter = try await Blocking.run {
            var filter = try service.historyFilter(
                HistoryRequest(
                    office: office, batch: request.query("batch"), milestone: request.query("milestone"), actor: request.query("actor"),
                    kind: request.query("kind"), from: request.query("from"), to: request.query("to"), recordedFrom: request.query("recordedFrom"),
                    recordedTo: request.query("recordedTo"), limit: try request.integerQuery("limit")))
            filter.office = try scope.historyOffice(asked: filter.office, plan: service.plan)
            return filter
        }
        let entries = try await Blocking.run { try service.history(filter) }
        return try JSONBody(entries.map(EntryRecord.init)).response(from: request, context: context)
    }
}
