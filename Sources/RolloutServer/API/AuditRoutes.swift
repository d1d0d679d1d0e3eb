import HTTPTypes
import Hummingbird
import RolloutApp

/// What auditors (and coordinators) check: verification, the integrity
/// check, and the export to verify elsewhere.
struct AuditRoutes {
    let service: RolloutService

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/v1/audit/verify", .coordinatorOrAuditor) { request, context, _ in
                let (service, expected) = (service, request.query("expectHead"))
                let result = try await Blocking.run { try service.verify(expectHead: expected) }
                return try JSONBody(VerificationView(source: "database", result), status: .ok).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/check", .coordinatorOrAuditor) { request, context, _ in
                let service = service
                return try JSONBody(CheckView(try await Blocking.run { try service.check() })).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/audit/export", .coordinatorOrAuditor) { _, _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: "application/x-ndjson; charset=utf-8", .contentDisposition: "attachment; filename=\"audit.jsonl\""],
                    body: ExportStream.body(service: service))
            },
        ]
    }
}
