import HTTPTypes
import Hummingbird
import Logging
import RolloutApp
import RolloutCore
import RolloutWeb
import ServiceLifecycle

/// The shared service: the pages and the JSON API over the same application
/// layer and database as the CLI. `buildRouter` is what tests drive in process;
/// `buildApplication` adds the socket.
package enum RolloutServer {
    /// Every route of the API, in one list: the router and the OpenAPI check both read it.
    static func routes(service: RolloutService, settings: ServerSettings) -> [APIRoute] {
        MetaRoutes(service: service).routes + SessionRoutes(service: service, settings: settings).routes
            + ReadRoutes(service: service, settings: settings).routes + WriteRoutes(service: service, settings: settings).routes
            + AccountRoutes(service: service, settings: settings).routes + AuditRoutes(service: service).routes
            + ReportRoutes(service: service, settings: settings).routes
    }

    /// Every page and form target, in one list.
    static func pageRoutes(_ pages: Pages) -> [PageRoute] {
        SessionPages(pages: pages).routes + BoardPages(pages: pages).routes + OfficeForms(pages: pages).routes
            + CoordinatorPages(pages: pages).routes + ImportPages(pages: pages).routes + AccountPages(pages: pages).routes
            + AuditPages(pages: pages).routes
    }

    /// Every route as its method, its router path and its OpenAPI path.
    package static func routeTable(service: RolloutService, settings: ServerSettings) -> [(
        method: HTTPRequest.Method, path: String, openAPIPath: String
    )] {
        routes(service: service, settings: settings).map { ($0.method, $0.path, $0.openAPIPath) }
    }

    /// The operations `docs/openapi.yaml` describes, as `METHOD /path`.
    package static var documentedOperations: Set<String> { OpenAPIDocument.operations }

    /// The router: the request log and the security headers for every
    /// response, 405 for a known path with another method, authentication;
    /// then two route groups, each with its own error format, body limit and
    /// CSRF check: the JSON API (`/api/v1/…`) and the pages with their forms.
    package static func buildRouter(service: RolloutService, settings: ServerSettings) throws -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        let routes = routes(service: service, settings: settings)
        let pages = Pages(service: service, settings: settings, renderer: try PageRenderer())
        let pageRoutes = pageRoutes(pages)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(pages: pages, format: .negotiated))
        router.add(middleware: RequestShapeMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware(routes: routes.map { ($0.method, $0.path) } + pageRoutes.map { ($0.method, $0.path) }))
        router.add(middleware: AuthenticationMiddleware(service: service, settings: settings))

        let api = router.group()
            .add(middleware: ErrorMiddleware(pages: pages, format: .json))
            .add(middleware: BodyLimitMiddleware(maximum: settings.maximumBody))
            .add(middleware: CSRFMiddleware(settings: settings, token: .header))
        for route in routes {
            api.on(RouterPath(route.path), method: route.method) { request, context in try await route.respond(request, context) }
        }
        let forms = router.group()
            .add(middleware: ErrorMiddleware(pages: pages, format: .page))
            .add(middleware: BodyLimitMiddleware(maximum: settings.maximumFormBody))
            .add(middleware: CSRFMiddleware(settings: settings, token: .form(limit: settings.maximumFormBody)))
        for route in pageRoutes {
            forms.on(RouterPath(route.path), method: route.method) { request, context in try await route.respond(request, context) }
        }
        return router
    }

    /// The application listening on `settings.host` and `settings.port` (0: any
    /// free port); `onRunning` learns the address it listens on.
    package static func buildApplication(
        service: RolloutService, settings: ServerSettings, logger: Logger,
        onRunning: @escaping @Sendable (String) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        Application(
            router: try buildRouter(service: service, settings: settings),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(settings.idleTimeout.nanoseconds))),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "rollout"),
            onServerRunning: { channel in
                await onRunning("http://\(settings.host):\(channel.localAddress?.port ?? settings.port)")
            },
            logger: logger)
    }

    /// Runs until SIGTERM or SIGINT, then lets requests in flight finish, for
    /// at most `settings.shutdownGrace`, and cancels what is left.
    package static func run(
        service: RolloutService, settings: ServerSettings, logger: Logger,
        onRunning: @escaping @Sendable (String) async -> Void
    ) async throws {
        let application = try buildApplication(service: service, settings: settings, logger: logger, onRunning: onRunning)
        var configuration = ServiceGroupConfiguration(
            services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = settings.shutdownGrace
        configuration.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: configuration).run()
    }
}
