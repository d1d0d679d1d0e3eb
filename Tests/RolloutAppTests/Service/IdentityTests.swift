import RolloutApp
import RolloutCore
import RolloutStore
import XCTest

/// People are known by a unique login; display names may repeat; every entry
/// made now records the login and how the person was authenticated.
final class IdentityTests: XCTestCase {
    private var temporary: TemporaryService!
    private var service: RolloutService { temporary.service }
    private let august = TemporaryService.time("2026-08-10T10:00:00+08:00")

    override func setUpWithError() throws { temporary = try TemporaryService() }
    override func tearDown() { temporary.remove() }

    func testTwoPeopleWithOneNameAreRegisteredByLoginAndActAsThemselves() throws {
        XCTAssertEqual(try service.addPerson(name: "王伟", login: "13800000001", role: "office", office: "解放碑", by: .cli("王敏"), at: august).recorded, 1)
        XCTAssertEqual(
            try service.addPerson(name: "王伟", login: "13800000002", role: "office", office: "daping", by: .cli("王敏"), at: august).recorded, 1)
        XCTAssertEqual(try service.people().filter { $0.name == "王伟" }.map(\.login), ["13800000001", "13800000002"])
        XCTAssertThrowsError(try service.actor(named: "王伟")) {
            XCTAssertEqual(cliMessage($0), "several people are called 王伟: 13800000001, 13800000002; pass --as with one of these logins")
        }
        let second = try service.actor(named: "13800000002")
        let result = try service.record(MilestoneRecording(milestone: "network_built", batch: "1", offices: ["daping"]), by: second, at: august)
        guard case .recorded(let entries) = result.outcomes[0].result, let entry = entries.first else { return XCTFail("not recorded") }
        XCTAssertEqual(entry.actor, "王伟")
        XCTAssertEqual(entry.actorLogin, "13800000002")
        XCTAssertEqual(entry.auth, "cli")
        XCTAssertTrue(
            entry.canonicalText.contains(#""actor":"王伟","actor_login":"13800000002","actor_role":"office","auth":"cli""#), entry.canonicalText)
        // The other 王伟 belongs to another office: refused, and the refusal names who tried.
        let refused = try service.record(
            MilestoneRecording(milestone: "network_built", batch: "1", offices: ["daping"]),
            by: service.actor(named: "13800000001"), at: august)
        XCTAssertEqual(refused.refused, 1)
        XCTAssertEqual(try service.refusals().last?.actorLogin, "13800000001")
        XCTAssertEqual(try service.addPerson(name: "另一人", login: "13800000001", role: "auditor", office: nil, by: .cli("王敏"), at: august).refused, 1)
        XCTAssertTrue(try service.verify(expectHead: nil).passed)
    }

    func testRemovalIsByLoginAndTheRemovedPersonsAttemptsAreRecordedAsRefusals() throws {
        _ = try service.addPerson(name: "王伟", login: "w001", role: "auditor", office: nil, by: .cli("王敏"), at: august)
        XCTAssertEqual(try service.removePerson("w001", reason: "调岗", by: .cli("王敏"), at: august).recorded, 1)
        let attempt = try service.record(MilestoneRecording(milestone: "guides_written", batch: "1"), by: .cli("w001"), at: august)
        XCTAssertEqual(attempt.refused, 1)
        XCTAssertEqual(try service.refusals().last?.detail.reason, "not_registered")
        XCTAssertTrue(try service.verify(expectHead: nil).passed)
    }

    func testALoginMustLookLikeAStaffOrMobileNumber() throws {
        let before = try service.head()
        XCTAssertThrowsError(try service.addPerson(name: "王伟", login: "王 伟", role: "office", office: "解放碑", by: .cli("王敏"), at: august)) {
            XCTAssertTrue("\($0)".contains("expected a staff number or a mobile number"), "\($0)")
        }
        XCTAssertEqual(try service.head(), before)
    }

    func testEveryEntryRecordsHowItsActorWasAuthenticated() throws {
        let web = Identity(login: "李娜", authentication: .webSession)
        let result = try service.record(MilestoneRecording(milestone: "network_built", batch: "1", offices: ["解放碑"]), by: web, at: august)
        guard case .recorded(let entries) = result.outcomes[0].result else { return XCTFail("not recorded") }
        XCTAssertEqual(entries[0].auth, "web_session")
        XCTAssertEqual(try service.history(HistoryFilter()).map { $0.auth ?? "-" }, ["cli", "cli", "cli", "cli", "web_session"])
        XCTAssertTrue(try service.verify(expectHead: nil).passed)
    }
}
