import HTTPTypes
import Hummingbird
import RolloutApp

/// The routes about the service itself: its health and its API document.
struct MetaRoutes {
    let service: RolloutService

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/healthz") { request, context in
                let service = service
                let health = try await Blocking.run { try service.health() }
                return try JSONBody(health).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/openapi.yaml") { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.text)))
            },
        ]
    }
}
