import Foundation
import TestSupport
import XCTest

/// `rollout remind` through the real binary, posting to a receiver the test starts.
final class RemindTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws {
        cli = try CLI.withStaff(now: "2026-08-01T10:00:00+08:00")
        cli.environment["ROLLOUT_NOW"] = "2026-08-28T09:00:00+08:00"
        cli.environment["no_proxy"] = "127.0.0.1"
    }
    override func tearDown() { cli?.remove() }

    func testADryRunPrintsTheMessages() throws {
        let result = try cli.expect(0, ["remind", "--dry-run"])
        XCTAssertTrue(result.stdout.contains("to 解放碑街道 (jiefangbei) (generic, not sent):\n### 渝中区延伸进度提醒 · 解放碑街道 · 2026-08-28"), result.stdout)
        XCTAssertTrue(result.stdout.contains("to the coordinators (generic, not sent):"), result.stdout)
        XCTAssertTrue(result.stdout.contains("核对：`rollout audit verify --expect-head "), result.stdout)
    }

    func testSendingTwiceTheSameDaySendsOnce() throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let url = receiver.url("/cgi-bin/webhook/send?key=test")
        let first = try cli.expect(0, ["remind", "--webhook", url, "--format", "wecom"])
        XCTAssertTrue(first.stdout.contains("sent to the coordinators"), first.stdout)
        let sent = receiver.bodies.count
        XCTAssertEqual(sent, 12)
        let second = try cli.expect(0, ["remind", "--format", "wecom"], extraEnvironment: ["ROLLOUT_WEBHOOK": url])
        XCTAssertTrue(second.stdout.contains("already sent to the coordinators at 2026-08-28T01:00:00Z; not sent again"), second.stdout)
        XCTAssertEqual(receiver.bodies.count, sent)

        let head =
            try cli.expect(0, ["audit", "verify"]).stdout.components(separatedBy: "Head: ").last?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? ""
        XCTAssertTrue(receiver.bodies.last?.contains(head) ?? false, "the work group holds the head")
    }

    func testAWebhookThatNeverAnswersIsExitOneAndLogged() throws {
        let receiver = try WebhookReceiver(answers: [(500, "no")])
        defer { receiver.stop() }
        let result = try cli.expect(1, ["remind", "--webhook", receiver.url(), "--attempts", "2", "--retry-delay", "0", "--within", "0", "--json"])
        XCTAssertTrue(result.stderr.contains("1 of 1 reminders could not be delivered"), result.stderr)
        XCTAssertTrue(result.stdout.contains(#""status" : "failed""#), result.stdout)
        XCTAssertEqual(receiver.bodies.count, 2)
    }

    func testBadOptionsAreBadInput() throws {
        try cli.expect(2, ["remind"])
        try cli.expect(2, ["remind", "--webhook", "not a url"])
        try cli.expect(2, ["remind", "--dry-run", "--format", "slack"])
        try cli.expect(2, ["remind", "--dry-run", "--as-of", "2026-02-30"])
        let badTime = try cli.expect(2, ["serve", "--remind-at", "25:00", "--webhook", "http://127.0.0.1:9/"], extraEnvironment: ["ROLLOUT_NOW": ""])
        XCTAssertTrue(badTime.stderr.contains("invalid --remind-at \"25:00\"; expected a time of day as HH:MM"), badTime.stderr)
        let noWebhook = try cli.expect(2, ["serve", "--remind-at", "09:00"], extraEnvironment: ["ROLLOUT_NOW": ""])
        XCTAssertTrue(noWebhook.stderr.contains("--remind-at needs a webhook"), noWebhook.stderr)
    }
}
