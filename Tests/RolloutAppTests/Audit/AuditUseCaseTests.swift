import Foundation
import RolloutApp
import XCTest

/// Verification, check, backup and the audit export, without the command line.
final class AuditUseCaseTests: XCTestCase {
    private var temporary: TemporaryService!
    private var service: RolloutService { temporary.service }

    override func setUpWithError() throws { temporary = try TemporaryService() }
    override func tearDown() { temporary.remove() }

    func testVerifyCheckBackupAndAnExportThatVerifiesElsewhere() throws {
        let head = try service.head()
        XCTAssertTrue(try service.verify(expectHead: String(head.hash.prefix(8))).passed)
        XCTAssertThrowsError(try service.verify(expectHead: "xyz")) { XCTAssertTrue(cliMessage($0).hasPrefix("invalid --expect-head \"xyz\"")) }
        XCTAssertTrue(try service.check().passed)
        let copy = try service.backup(to: temporary.folder.appendingPathComponent("backup.sqlite").path)
        XCTAssertTrue(copy.passed)
        XCTAssertEqual(copy.verification.head, head.hash)
        var lines: [String] = []
        let exported = try service.auditExport { lines.append($0) }
        XCTAssertEqual(exported, head)
        let verification = try RolloutService.verifyExport(expectHead: head.hash) { each in
            for (index, line) in lines.enumerated() { try each(Array(line.utf8), index + 1) }
        }
        XCTAssertTrue(verification.passed, verification.failure?.description ?? "")
        XCTAssertEqual(verification.entries, head.count)
    }
}
