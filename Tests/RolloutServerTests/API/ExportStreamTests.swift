import RolloutCore
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RolloutApp
import RolloutStore
import XCTest

/// The audit export is streamed in chunks while it is read: what arrives is
/// byte for byte the whole export, however many chunks it takes.
final class ExportStreamTests: XCTestCase {
    private var harness: ServerHarness!

    override func setUpWithError() throws { harness = try ServerHarness() }
    override func tearDown() { harness.remove() }

    func testTheStreamedExportIsTheWholeExportAcrossManyChunks() async throws {
        let service = harness.service
        let coordinator = Identity(login: "c001", authentication: .cli)
        // Go-live refused for every office, again and again: each attempt is an entry of its own.
        for _ in 0..<40 {
            _ = try service.record(MilestoneRecording(milestone: "live", batch: "1", offices: ["all"]), by: coordinator, at: harness.clock.now())
        }
        var text = ""
        _ = try service.auditExport { text += $0 + "\n" }
        let expected = text
        XCTAssertGreaterThan(expected.utf8.count, 4 * 65_536, "several chunks of 64 KiB")
        try await harness.test { client in
            let auditor = try await client.signIn("a001", "auditor-password-1")
            try await client.execute(uri: "/api/v1/audit/export", method: .get, headers: auditor.cookieOnly) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(String(buffer: response.body), expected)
            }
        }
    }
}
