import Foundation
import HTTPTypes
import Hummingbird
import RolloutApp
import RolloutCore

/// One route of the JSON API: its method and path, who may call it, and what
/// it does. The router is built from the list of routes, and the OpenAPI
/// document is checked against the same list.
struct APIRoute: Sendable {
    /// Who may call a route.
    enum Access: Sendable {
        /// Anyone, signed in or not.
        case anyone
        /// Signed in, even with a one-time code still to change.
        case signedInWithCode
        /// Signed in with a password of their own.
        case signedIn
        case coordinator
        case coordinatorOrAuditor
    }

    /// What a handler of a route for signed-in people gets: the request, its context, and the person.
    typealias Handler = @Sendable (Request, ServerContext, SignedIn) async throws -> Response
    /// What a handler of a route open to anyone gets.
    typealias OpenHandler = @Sendable (Request, ServerContext) async throws -> Response

    let method: HTTPRequest.Method
    /// The path with `:name` parameters, as the router matches it.
    let path: String
    let access: Access
    private let work: Work

    /// The handler, by whether it needs someone signed in.
    private enum Work: Sendable {
        case open(OpenHandler)
        case signedIn(Handler)
    }

    /// A route for signed-in people with `access`; the handler always gets the person.
    init(_ method: HTTPRequest.Method, _ path: String, _ access: Access, _ handle: @escaping Handler) {
        self.method = method
        self.path = path
        self.access = access
        self.work = .signedIn(handle)
    }

    /// A route open to anyone, signed in or not.
    init(_ method: HTTPRequest.Method, _ path: String, _ handle: @escaping OpenHandler) {
        self.method = method
        self.path = path
        self.access = .anyone
        self.work = .open(handle)
    }

    /// The path as OpenAPI writes it: `{name}` parameters.
    var openAPIPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }

    /// Calls the handler after checking who asks.
    func respond(_ request: Request, _ context: ServerContext) async throws -> Response {
        let handle: Handler
        switch work {
        case .open(let open): return try await open(request, context)
        case .signedIn(let signedInHandler): handle = signedInHandler
        }
        guard let signedIn = context.signedIn else {
            throw HTTPError(.unauthorized, message: "sign in first (POST /api/v1/session) or send an API token")
        }
        if signedIn.mustChangePassword && access != .signedInWithCode {
            throw HTTPError(.forbidden, message: "you signed in with a one-time code; choose your own password first (PUT /api/v1/password)")
        }
        try access.permit(signedIn.person)
        return try await handle(request, context, signedIn)
    }
}

extension APIRoute.Access {
    /// Refuses a person whose role this access does not let in (the API and the pages alike).
    func permit(_ person: Person) throws {
        switch (self, person.role) {
        case (.coordinator, .office), (.coordinator, .auditor):
            throw PermissionDenied("only a coordinator may do this; \(person.name) is \(person.role == .office ? "office staff" : "an auditor")")
        case (.coordinatorOrAuditor, .office):
            throw PermissionDenied("only coordinators and auditors may do this; \(person.name) is office staff")
        default:
            return
        }
    }
}

extension Request {
    /// A query parameter, if given and not empty.
    func query(_ name: String) -> String? {
        uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every value of a repeated query parameter.
    func queries(_ name: String) -> [String] {
        uri.queryParameters.getAll(name).filter { !$0.isEmpty }
    }

    /// The one value of a query parameter that is a flag or a number, if given;
    /// given twice, or empty, is a 400 (an empty value is not a number).
    private func singleQuery(_ name: String) throws -> String? {
        let values = uri.queryParameters.getAll(name)
        guard values.count <= 1 else { throw InputError("\(name) is given \(values.count) times; expected it once") }
        return values.first
    }

    /// A `true`/`false` query parameter, or a 400 naming it.
    func booleanQuery(_ name: String) throws -> Bool? {
        guard let text = try singleQuery(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw InputError("invalid \(name) \"\(text)\"; expected true or false")
        }
    }

    /// A whole-number query parameter, or a 400 naming it.
    func integerQuery(_ name: String) throws -> Int? {
        guard let text = try singleQuery(name) else { return nil }
        guard let value = Int(text) else { throw InputError("invalid \(name) \"\(text)\"; expected a whole number") }
        return value
    }
}

extension Request {
    /// The body decoded as JSON; a body of the wrong shape is a 400 naming the field.
    func json<T: Decodable>(_ type: T.Type, context: ServerContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    }
}
