import HTTPTypes
import HummingbirdTesting
import RolloutServer
import XCTest

/// The OpenAPI document and the router describe the same API.
final class OpenAPITests: XCTestCase {
    func testEveryRouteIsDocumentedAndEveryDocumentedPathIsRouted() throws {
        let harness = try ServerHarness()
        defer { harness.remove() }
        let routed = Set(
            RolloutServer.routeTable(service: harness.service, settings: harness.settings).map { "\($0.method.rawValue) \($0.openAPIPath)" })
        let documented = RolloutServer.documentedOperations
        XCTAssertGreaterThan(documented.count, 30)
        XCTAssertEqual(routed.subtracting(documented).sorted(), [], "routes missing from docs/openapi.yaml")
        XCTAssertEqual(documented.subtracting(routed).sorted(), [], "docs/openapi.yaml describes routes the server does not have")
    }

    func testTheDocumentIsServed() async throws {
        let harness = try ServerHarness()
        defer { harness.remove() }
        try await harness.test { client in
            try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(String(buffer: response.body).hasPrefix("openapi: 3.1.0"))
            }
        }
    }
}

/// The routes of a harness's server, for tests that walk them all.
enum RolloutServerRoutes {
    static func all(_ harness: ServerHarness) -> [(HTTPRequest.Method, String)] {
        RolloutServer.routeTable(service: harness.service, settings: harness.settings).map { ($0.method, $0.path) }
    }
}
