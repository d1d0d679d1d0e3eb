import Foundation
import HTTPTypes
import Hummingbird
import RolloutApp
import RolloutCore

/// Every recording use case. The person acting is the one signed in; the
/// rules decide, and a refusal is recorded exactly as from the CLI. `If-Match`
/// is the CLI's `--expect`, `Idempotency-Key` its `--key`.
struct WriteRoutes {
    let service: RolloutService
    let settings: ServerSettings

    struct MilestoneBody: Decodable {
        let milestone: String
        let batch: String
        let offices: [String]?
        let date: String?
        let note: String?
        let dryRun: Bool?
    }

    struct ProblemBody: Decodable {
        let batch: String
        let office: String
        let note: String
        let date: String?
    }

    struct ResolutionBody: Decodable {
        let note: String
        let date: String?
    }

    struct BlockBody: Decodable {
        let batch: String
        let offices: [String]
        let reason: String
        let date: String?
        let dryRun: Bool?
    }

    struct CorrectionBody: Decodable {
        let entries: [Int64]
        let reason: String
        let date: String?
    }

    struct PersonBody: Decodable {
        let name: String
        let login: String?
        let role: String
        let office: String?
    }

    struct RemovalBody: Decodable {
        let reason: String
    }

    var routes: [APIRoute] {
        [
            APIRoute(.post, "/api/v1/milestones", .signedIn) { request, context, signedIn in
                let body = try await request.json(MilestoneBody.self, context: context)
                let recording = MilestoneRecording(
                    milestone: body.milestone, batch: body.batch, offices: body.offices ?? [], note: body.note ?? "",
                    write: Self.write(request, date: body.date, dryRun: body.dryRun))
                return try await perform(request, context) { service, clock in try service.record(recording, by: signedIn.actor, at: clock) }
            },
            APIRoute(.post, "/api/v1/problems", .signedIn) { request, context, signedIn in
                let body = try await request.json(ProblemBody.self, context: context)
                let report = ProblemReport(batch: body.batch, office: [body.office], note: body.note, write: Self.write(request, date: body.date))
                return try await perform(request, context) { service, clock in try service.openProblem(report, by: signedIn.actor, at: clock) }
            },
            APIRoute(.post, "/api/v1/problems/:problem/resolution", .signedIn) { request, context, signedIn in
                let problem = try context.parameters.require("problem", as: Int64.self)
                let body = try await request.json(ResolutionBody.self, context: context)
                let resolution = ProblemResolution(problem: problem, note: body.note, write: Self.write(request, date: body.date))
                return try await perform(request, context) { service, clock in try service.resolveProblem(resolution, by: signedIn.actor, at: clock)
                }
            },
            APIRoute(.post, "/api/v1/blocks", .signedIn) { request, context, signedIn in
                try await changeBlock(request, context, signedIn, blocking: true)
            },
            APIRoute(.post, "/api/v1/unblocks", .signedIn) { request, context, signedIn in
                try await changeBlock(request, context, signedIn, blocking: false)
            },
            APIRoute(.post, "/api/v1/corrections", .signedIn) { request, context, signedIn in
                let body = try await request.json(CorrectionBody.self, context: context)
                let correction = CorrectionRequest(entries: body.entries, reason: body.reason, write: Self.write(request, date: body.date))
                return try await perform(request, context) { service, clock in try service.correct(correction, by: signedIn.actor, at: clock) }
            },
            APIRoute(.post, "/api/v1/people", .signedIn) { request, context, signedIn in
                let body = try await request.json(PersonBody.self, context: context)
                return try await perform(request, context) { service, clock in
                    try service.addPerson(name: body.name, login: body.login, role: body.role, office: body.office, by: signedIn.actor, at: clock)
                }
            },
            APIRoute(.post, "/api/v1/people/:login/removal", .signedIn) { request, context, signedIn in
                let login = try context.parameters.require("login")
                let body = try await request.json(RemovalBody.self, context: context)
                return try await perform(request, context) { service, clock in
                    try service.removePerson(login, reason: body.reason, by: signedIn.actor, at: clock)
                }
            },
        ]
    }

    private func changeBlock(_ request: Request, _ context: ServerContext, _ signedIn: SignedIn, blocking: Bool) async throws -> Response {
        let body = try await request.json(BlockBody.self, context: context)
        let change = BlockChangeRequest(
            blocking: blocking, batch: body.batch, offices: body.offices, reason: body.reason,
            write: Self.write(request, date: body.date, dryRun: body.dryRun))
        return try await perform(request, context) { service, clock in try service.changeBlock(change, by: signedIn.actor, at: clock) }
    }

    /// Runs a write off the event loop and answers with its outcomes: 201 when
    /// something was recorded, 200 for a dry run or a resubmission, 403 when the
    /// rules refused every action (each refusal recorded). The store reads the
    /// clock once the write lock is held.
    private func perform(
        _ request: Request, _ context: ServerContext,
        _ body: @escaping @Sendable (RolloutService, any WallClock) throws -> ActionResult
    ) async throws -> Response {
        let (service, clock) = (service, settings.clock)
        let result = try await Blocking.run { try body(service, clock) }
        let status: HTTPResponse.Status =
            result.dryRun ? .ok : result.recorded > 0 ? .created : result.refused > 0 ? .forbidden : .ok
        return try JSONBody(ActionResultView(result), status: status).response(from: request, context: context)
    }

    /// The write input from the request: `If-Match` (quotes allowed) and
    /// `Idempotency-Key`; the use case checks them and names them as the API does.
    static func write(_ request: Request, date: String?, dryRun: Bool? = nil) -> WriteInput {
        let expect = request.headers[.ifMatch].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
        return WriteInput(date: date, expect: expect, key: request.headers[Self.idempotencyKey], dryRun: dryRun ?? false)
    }

    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

}
