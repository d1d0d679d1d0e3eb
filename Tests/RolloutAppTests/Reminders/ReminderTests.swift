import Foundation
import RolloutApp
import RolloutCore
import RolloutStore
import Synchronization
import TestSupport
import XCTest

/// Reminder digests and their sending, through the real HTTP transport to a
/// receiver on this machine.
final class ReminderTests: XCTestCase {
    private var temporary: TemporaryService!
    private var service: RolloutService { temporary.service }
    private let lateAugust = TemporaryService.time("2026-08-28T09:00:00+08:00")

    override func setUpWithError() throws {
        temporary = try TemporaryService()
        let august = TemporaryService.time("2026-08-10T10:00:00+08:00")
        _ = try service.record(
            MilestoneRecording(milestone: "guides_written", batch: "1", write: WriteInput(date: "2026-08-05")), by: .cli("王敏"), at: august)
        _ = try service.record(
            MilestoneRecording(milestone: "network_built", batch: "1", offices: ["解放碑"], write: WriteInput(date: "2026-08-06")), by: .cli("李娜"),
            at: august)
    }
    override func tearDown() { temporary.remove() }

    /// Waits recorded instead of slept.
    private final class Waits: Sendable {
        let value = Mutex<[Duration]>([])
        var all: [Duration] { value.withLock { $0 } }
        var policy: RetryPolicy { RetryPolicy(attempts: 3, firstDelay: .seconds(2)) { [self] delay in value.withLock { $0.append(delay) } } }
    }

    func testDigestsNameEachOfficesLateAndSoonDueMilestones() throws {
        let digests = try service.reminderDigests(asOf: nil, withinDays: 7, now: lateAugust)
        XCTAssertEqual(digests.count, 12, "eleven offices with work due on 31 August, and the coordinators")
        let jiefangbei = try XCTUnwrap(digests.first { $0.recipient.key == "jiefangbei" })
        XCTAssertEqual(jiefangbei.late, [])
        XCTAssertEqual(jiefangbei.dueSoon.map(\.milestone.id), ["permissions_granted", "staff_trained"])
        XCTAssertEqual(jiefangbei.dueSoon.first?.days, 3)
        XCTAssertTrue(jiefangbei.markdown.contains("业务授权（permissions_granted）：应于 2026-08-31 完成，还有 3 天"), jiefangbei.markdown)

        let september = try service.reminderDigests(asOf: "2026-09-02", withinDays: 0, now: lateAugust)
        let daping = try XCTUnwrap(september.first { $0.recipient.key == "daping" })
        XCTAssertEqual(daping.late.map(\.milestone.id), ["network_built", "permissions_granted", "staff_trained"])
        XCTAssertEqual(daping.late.first?.days, 2)
        XCTAssertNil(september.first { $0.recipient.key == "jiefangbei" }?.late.first { $0.milestone.id == "network_built" })
        XCTAssertThrowsError(try service.reminderDigests(asOf: "2026-09-31", withinDays: 7, now: lateAugust))
        XCTAssertThrowsError(try service.reminderDigests(asOf: nil, withinDays: -1, now: lateAugust))
    }

    func testTheCoordinatorsDigestCarriesTheHeadAnAuditorCanCheckLater() throws {
        let coordinators = try XCTUnwrap(try service.reminderDigests(asOf: nil, withinDays: 7, now: lateAugust).last)
        XCTAssertEqual(coordinators.recipient, .coordinators)
        let head = try service.head()
        XCTAssertEqual(coordinators.entries, head.count)
        XCTAssertEqual(coordinators.head, head.hash)
        XCTAssertTrue(coordinators.markdown.contains("共 \(head.count) 条，最新哈希 `\(head.hash)`"), coordinators.markdown)
        XCTAssertTrue(coordinators.markdown.contains("- 解放碑街道：即将到期 2 项"), coordinators.markdown)
        XCTAssertTrue(try service.verify(expectHead: head.hash).passed)
    }

    func testTheThreeFormats() throws {
        let digest = try XCTUnwrap(try service.reminderDigests(asOf: nil, withinDays: 7, now: lateAugust).last)
        func json(_ format: WebhookFormat) throws -> [String: Any] {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try format.body(digest))) as? [String: Any])
        }
        let wecom = try json(.wecom)
        XCTAssertEqual(wecom["msgtype"] as? String, "markdown")
        XCTAssertEqual((wecom["markdown"] as? [String: String])?["content"], digest.markdown)
        let dingtalk = try json(.dingtalk)
        XCTAssertEqual((dingtalk["markdown"] as? [String: String])?["title"], digest.title)
        XCTAssertEqual((dingtalk["markdown"] as? [String: String])?["text"], digest.markdown)
        let generic = try json(.generic)
        XCTAssertEqual(generic["recipient"] as? String, "coordinators")
        XCTAssertEqual(generic["as_of"] as? String, "2026-08-28")
        XCTAssertEqual((generic["history"] as? [String: Any])?["head"] as? String, digest.head)
        XCTAssertEqual((generic["due_soon"] as? [Any])?.count, digest.dueSoon.count)
        XCTAssertLessThan(try WebhookFormat.wecom.body(digest).count, 4096, "within the robots' limit")

        XCTAssertEqual(try WebhookFormat.named(nil, webhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"), .wecom)
        XCTAssertEqual(try WebhookFormat.named("auto", webhook: "https://oapi.dingtalk.com/robot/send?access_token=t"), .dingtalk)
        XCTAssertEqual(try WebhookFormat.named(nil, webhook: "http://127.0.0.1:9/hook"), .generic)
        XCTAssertThrowsError(try WebhookFormat.named("slack", webhook: nil))
    }

    func testASecondRunTheSameDaySendsNothing() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let run = ReminderRun(webhook: receiver.url("/cgi-bin/webhook/send?key=secret"), format: "wecom")
        let first = try await service.remind(run, now: lateAugust, transport: HTTPWebhookTransport(), retry: Waits().policy)
        XCTAssertEqual(first.deliveries.map(\.status), Array(repeating: .sent(attempts: 1), count: 12))
        XCTAssertEqual(receiver.bodies.count, 12)
        XCTAssertTrue(receiver.bodies[0].contains(#""msgtype":"markdown""#), receiver.bodies[0])

        let second = try await service.remind(run, now: lateAugust, transport: HTTPWebhookTransport(), retry: Waits().policy)
        XCTAssertTrue(second.deliveries.allSatisfy { if case .alreadySent = $0.status { true } else { false } })
        XCTAssertEqual(receiver.bodies.count, 12, "nothing sent again")

        let log = try service.store.reminderSends()
        XCTAssertEqual(log.count, 12)
        XCTAssertTrue(log.allSatisfy { $0.sent && $0.httpStatus == 200 && $0.format == "wecom" })
        XCTAssertEqual(log.first?.destination, receiver.url("/cgi-bin/webhook/send"), "the robot's key is not logged")
    }

    func testAFailedPostIsRetriedWithBackoff() async throws {
        let receiver = try WebhookReceiver(answers: [
            (500, "busy"), (200, #"{"errcode":45009,"errmsg":"api freq out of limit"}"#), (200, #"{"errcode":0,"errmsg":"ok"}"#),
        ])
        defer { receiver.stop() }
        let waits = Waits()
        let report = try await service.remind(
            ReminderRun(asOf: "2026-08-28", withinDays: 0, webhook: receiver.url(), format: "dingtalk"), now: lateAugust,
            transport: HTTPWebhookTransport(), retry: waits.policy)
        XCTAssertEqual(report.deliveries.map(\.status), [.sent(attempts: 3)], "only the coordinators' digest: nothing late or due today")
        XCTAssertEqual(waits.all, [.seconds(2), .seconds(4)])
        XCTAssertEqual(receiver.bodies.count, 3)
        XCTAssertEqual(try service.store.reminderSends().map(\.attempts), [3])
    }

    func testAWebhookThatStallsHalfwayThroughItsAnswerFailsTheAttemptInTime() async throws {
        let stalling = try WebhookReceiver(stalls: true)
        defer { stalling.stop() }
        let started = ContinuousClock.now
        let report = try await service.remind(
            ReminderRun(asOf: "2026-08-28", withinDays: 0, webhook: stalling.url(), format: "generic"), now: lateAugust,
            transport: HTTPWebhookTransport(timeout: .seconds(1)), retry: Waits().policy)
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(30), "three attempts of one second each, not for ever")
        XCTAssertEqual(report.deliveries.map(\.status), [.failed(attempts: 3, error: "the webhook did not finish answering within 1 s")])
        XCTAssertEqual(stalling.bodies.count, 3, "each attempt reached the webhook")
        XCTAssertEqual(try service.store.reminderSends().map(\.error), ["the webhook did not finish answering within 1 s"])
    }

    func testADigestNeverDeliveredIsLoggedAndSentByTheNextRun() async throws {
        let down = try WebhookReceiver(answers: [(503, "down")])
        let run = ReminderRun(withinDays: 0, webhook: down.url(), format: "generic")
        let failed = try await service.remind(run, now: lateAugust, transport: HTTPWebhookTransport(), retry: Waits().policy)
        down.stop()
        XCTAssertTrue(failed.failed)
        XCTAssertEqual(failed.deliveries.map(\.status), [.failed(attempts: 3, error: "HTTP 503: down")])
        let log = try service.store.reminderSends()
        XCTAssertEqual(log.map(\.sent), [false])
        XCTAssertEqual(log.first?.httpStatus, 503)

        let up = try WebhookReceiver(answers: [(204, "")])
        defer { up.stop() }
        let retried = try await service.remind(
            ReminderRun(withinDays: 0, webhook: up.url(), format: "generic"), now: lateAugust, transport: HTTPWebhookTransport(),
            retry: Waits().policy)
        XCTAssertEqual(retried.deliveries.map(\.status), [.sent(attempts: 1)])
        XCTAssertEqual(try service.store.reminderSends().map(\.sent), [false, true])
    }

    func testADryRunSendsAndLogsNothing() async throws {
        let report = try await service.remind(
            ReminderRun(dryRun: true), now: lateAugust, transport: HTTPWebhookTransport(), retry: Waits().policy)
        XCTAssertEqual(report.deliveries.count, 12)
        XCTAssertTrue(report.deliveries.allSatisfy { $0.status == .notSent })
        XCTAssertEqual(try service.store.reminderSends(), [])
        do {
            _ = try await service.remind(ReminderRun(), now: lateAugust, transport: HTTPWebhookTransport())
            XCTFail("no webhook")
        } catch {
            XCTAssertTrue(cliMessage(error).contains("pass --webhook URL"), cliMessage(error))
        }
        do {
            _ = try await service.remind(ReminderRun(webhook: "ftp://example"), now: lateAugust, transport: HTTPWebhookTransport())
            XCTFail("a bad webhook")
        } catch {
            XCTAssertTrue("\(error)".contains("invalid webhook \"ftp://example\""), "\(error)")
        }
    }
}
