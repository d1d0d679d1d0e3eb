import HTTPTypes
import Hummingbird
import RolloutApp

/// The routes about the service itself: its health and its API document.
struct MetaRoutes {
    let service: RolloutService

    /// `GET /healthz`'s answer.
    struct Health: Encodable {
        let status: String
        let entries: Int64
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/healthz") { request, context in
                let service = service
                let head = try await Blocking.run { try service.head() }
                return try JSONBody(Health(status: "ok", entries: head.count)).response(from: request, context: context)
            },
            APIRoute(.get, "/api/v1/openapi.yaml") { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.text)))
            },
        ]
    }
}
