import Hummingbird
import RolloutApp

/// Coordinators manage accounts; everyone manages their own API tokens.
struct AccountRoutes {
    let service: RolloutService
    let settings: ServerSettings

    struct AccountBody: Decodable {
        let login: String
        let name: String
        let role: String
        let office: String?
    }

    struct TokenBody: Decodable {
        let name: String
        let days: Int?
    }

    /// A new account: the registration's outcome and the one-time code, shown once.
    struct CreatedView: Encodable {
        let result: ActionResultView
        let code: IssuedCodeView?
    }

    /// A new API token, shown once.
    struct TokenView: Encodable {
        let token: String
        let id: Int64
        let name: String
        let createdAt: String
        let expiresAt: String
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/v1/accounts", .coordinator) { request, context, signedIn in
                let (service, actor) = (service, signedIn.actor)
                return try JSONBody(try await Blocking.run { try service.accounts(by: actor).map(AccountView.init) }).response(
                    from: request, context: context)
            },
            APIRoute(.post, "/api/v1/accounts", .coordinator) { request, context, signedIn in
                let body = try await request.json(AccountBody.self, context: context)
                let (service, settings, actor) = (service, settings, signedIn.actor)
                let (result, code) = try await Blocking.run {
                    try service.createAccount(
                        login: body.login, name: body.name, role: body.role, office: body.office, by: actor, at: settings.clock.now(),
                        policy: settings.policy)
                }
                let view = CreatedView(result: ActionResultView(result), code: code.map(IssuedCodeView.init))
                return try JSONBody(view, status: code == nil ? .forbidden : .created).response(from: request, context: context)
            },
            APIRoute(.post, "/api/v1/accounts/:login/reset", .coordinator) { request, context, signedIn in
                let login = try context.parameters.require("login")
                let (service, settings, actor) = (service, settings, signedIn.actor)
                let code = try await Blocking.run {
                    try service.resetPassword(login: login, by: actor, at: settings.clock.now(), policy: settings.policy)
                }
                return try JSONBody(IssuedCodeView(code)).response(from: request, context: context)
            },
            APIRoute(.post, "/api/v1/accounts/:login/disable", .coordinator) { _, context, signedIn in
                let login = try context.parameters.require("login")
                let (service, settings, actor) = (service, settings, signedIn.actor)
                try await Blocking.run { try service.disableAccount(login: login, by: actor, at: settings.clock.now()) }
                return Response(status: .noContent)
            },
            APIRoute(.get, "/api/v1/sign-in-attempts", .coordinator) { request, context, signedIn in
                let limit = try request.integerQuery("limit") ?? 200
                guard (1...10_000).contains(limit) else { throw InputError("invalid limit \(limit); expected 1 to 10000") }
                let (service, actor) = (service, signedIn.actor)
                let attempts = try await Blocking.run { try service.signInAttempts(by: actor, limit: limit) }
                return try JSONBody(attempts.map(SignInAttemptView.init)).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/tokens", .signedIn) { request, context, signedIn in
                let service = service
                return try JSONBody(try await Blocking.run { try service.tokens(for: signedIn) }).response(from: request, context: context)
            },
            APIRoute(.post, "/api/v1/tokens", .signedIn) { request, context, signedIn in
                let body = try await request.json(TokenBody.self, context: context)
                let (service, settings) = (service, settings)
                let issued = try await Blocking.run {
                    try service.createToken(for: signedIn, name: body.name, days: body.days, at: settings.clock.now(), policy: settings.policy)
                }
                let view = TokenView(
                    token: issued.token, id: issued.record.id, name: issued.record.name, createdAt: issued.record.createdAt,
                    expiresAt: issued.record.expiresAt)
                return try JSONBody(view, status: .created).response(from: request, context: context)
            },
            APIRoute(.delete, "/api/v1/tokens/:id", .signedIn) { _, context, signedIn in
                let id = try context.parameters.require("id", as: Int64.self)
                let (service, settings) = (service, settings)
                try await Blocking.run { try service.revokeToken(id: id, for: signedIn, at: settings.clock.now()) }
                return Response(status: .noContent)
            },
        ]
    }
}
