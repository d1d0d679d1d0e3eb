import HTTPTypes
import Hummingbird
import RolloutApp
import RolloutCore

/// What the CLI writes to files, as JSON: the export tables, the weekly
/// report's model, one catalog item and the milestone graph's counts
/// (coordinators and auditors; the catalog item for everyone).
struct ReportRoutes {
    let service: RolloutService
    let settings: ServerSettings

    /// The weekly report's content (`rollout report --html`), as data.
    struct ReportView: Encodable {
        let asOf: String
        let generatedAt: String
        let boards: [BoardView]
        let overdue: [OverdueView]
        let problems: [ProblemView]
        let verification: VerificationView
    }

    /// How many offices reached each milestone in a batch (`rollout graph --batch`).
    struct GraphView: Encodable {
        let batch: String
        let reached: [String: Int]
        let mermaid: String
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/v1/catalog/:number", .signedIn) { request, context, _ in
                let number = try context.parameters.require("number", as: Int.self)
                return try JSONBody(try service.item(number: number)).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/graph", .signedIn) { request, context, _ in
                guard let batch = request.query("batch") else { throw InputError("name the batch with batch; expected an id, number or label") }
                let service = service
                let reached = try await Blocking.run { try service.reached(batch: batch) }
                let view = GraphView(batch: batch, reached: reached, mermaid: MilestoneGraph.mermaid(service.plan, reached: reached))
                return try JSONBody(view).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/report", .coordinatorOrAuditor) { request, context, _ in
                let (service, now, batches) = (service, settings.clock.now(), request.queries("batch"))
                let model = try await Blocking.run { try service.report(batches: batches, now: now) }
                let view = ReportView(
                    asOf: model.asOf.description, generatedAt: model.generatedAt, boards: model.boards.map(BoardView.init),
                    overdue: model.overdue.map(OverdueView.init), problems: model.problems.map(ProblemView.init),
                    verification: VerificationView(source: "database", model.verification))
                return try JSONBody(view).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/exports/:table", .coordinatorOrAuditor) { request, context, _ in
                let table = try context.parameters.require("table")
                let (service, now, asOf) = (service, settings.clock.now(), request.query("asOf"))
                let tables = try await Blocking.run { try service.exportTables(asOf: asOf, now: now) }
                let rows: [[String: String]]
                switch table {
                case "status": rows = tables.status.objects
                case "history": rows = tables.historyTable.objects
                case "problems": rows = tables.problemsTable.objects
                case "catalog": rows = tables.catalog.objects
                default: throw InputError("unknown export table \"\(table)\"; expected status, history, problems or catalog")
                }
                return try JSONBody(rows).response(from: request, context: context)
            },
        ]
    }
}
