import XCTest
@testable import RolloutCore

/// The state machine's guards: prerequisites, roles, offices, dates and the
/// district-wide milestone.
final class EngineTests: XCTestCase {
    private typealias H = EngineHarness

    func testEveryPrerequisiteIsEnforcedAndNamed() throws {
        var h = try H()
        let expectations: [(String, String?, H.Type, String)] = [
            ("permissions_granted", "jiefangbei", H.self, "needs network_built (完成网络建设、系统运行) first"),
            ("staff_trained", "jiefangbei", H.self, "needs guides_written (编制延伸事项经办指南、操作规程、办理流程等业务标准) (district-wide) first"),
            ("live", "jiefangbei", H.self, "needs ready (街道就绪报告) first"),
        ]
        for (milestone, office, _, message) in expectations {
            let refusal = try h.refusal(h.recordAction(milestone, office: office, on: "2026-08-10"), as: H.coordinator)
            XCTAssertEqual(refusal?.reason, .missingPrerequisite, milestone)
            XCTAssertTrue(refusal?.message.hasSuffix(message) ?? false, refusal?.message ?? "")
        }
        let ready = try h.refusal(h.recordAction("ready", office: "jiefangbei", on: "2026-08-10"), as: H.jiefangbei)
        XCTAssertEqual(
            ready?.message,
            "ready for 解放碑街道 (jiefangbei) in batch1 needs guides_written (编制延伸事项经办指南、操作规程、办理流程等业务标准) (district-wide), network_built (完成网络建设、系统运行), permissions_granted (业务授权), staff_trained (完成经办人员政策业务培训) first"
        )
    }

    func testTheFullPathIsAllowedInOrder() throws {
        var h = try H()
        try h.bringJiefangbeiLive()
        XCTAssertEqual(h.state.track(batch: "batch1", office: "jiefangbei").completions.count, 5)
        XCTAssertEqual(h.state.district["batch1"]?["guides_written"]?.effective, h.date("2026-08-10"))
    }

    func testRolesAreEnforcedAndTheRefusalSaysWhoMay() throws {
        var h = try H()
        var refusal = try h.refusal(h.recordAction("network_built", office: "jiefangbei", on: "2026-08-10"), as: H.coordinator)
        XCTAssertEqual(refusal?.reason, .wrongRole)
        XCTAssertEqual(refusal?.message, "only office staff of 解放碑街道 (jiefangbei) may record network_built; 王敏 is a coordinator")
        refusal = try h.refusal(h.recordAction("guides_written", office: nil, on: "2026-08-10"), as: H.jiefangbei)
        XCTAssertEqual(refusal?.message, "only a coordinator may record guides_written; 李娜 is office staff of 解放碑街道 (jiefangbei)")
        refusal = try h.refusal(h.recordAction("guides_written", office: nil, on: "2026-08-10"), as: H.auditor)
        XCTAssertEqual(refusal?.reason, .wrongRole)
        refusal = try h.refusal(.addPerson(name: "新人", role: .auditor, office: nil), as: H.auditor)
        XCTAssertEqual(refusal?.message, "only a coordinator may register people; 审计员 is an auditor")
        refusal = try h.refusal(.block(batch: "batch1", office: "jiefangbei", effective: h.date("2026-08-10"), reason: "x"), as: H.jiefangbei)
        XCTAssertEqual(refusal?.reason, .wrongRole)
    }

    func testOfficeStaffCannotActForAnotherOffice() throws {
        var h = try H()
        let refusal = try h.refusal(h.recordAction("network_built", office: "daping", on: "2026-08-10"), as: H.jiefangbei)
        XCTAssertEqual(refusal?.reason, .wrongOffice)
        XCTAssertEqual(refusal?.message, "李娜 is office staff of 解放碑街道 (jiefangbei) and may not act for 大坪街道 (daping)")
    }

    func testARefusalIsRecordedAsAnEntryAndChangesNoState() throws {
        var h = try H()
        let before = h.state
        _ = try h.refusal(h.recordAction("network_built", office: "daping", on: "2026-08-10"), as: H.jiefangbei)
        XCTAssertEqual(h.state, before)
        let last = try XCTUnwrap(h.entries.last)
        XCTAssertEqual(last.kind, .refused)
        XCTAssertEqual(last.actor, "李娜")
        XCTAssertEqual(last.detail.action, "record network_built")
        XCTAssertEqual(last.detail.reason, "wrong_office")
        XCTAssertEqual(last.office, "daping")
    }

    func testADistrictWideMilestoneCountsForEveryOffice() throws {
        var h = try H()
        try h.record("guides_written", office: nil, on: "2026-08-10", as: H.coordinator)
        for office in ["jiefangbei", "daping"] {
            try h.record("staff_trained", office: office, on: "2026-08-11", as: H.coordinator)
        }
        XCTAssertNotNil(h.state.track(batch: "batch1", office: "daping").completions["staff_trained"])
        // Recorded once per batch: not again, and not for batch2 implicitly.
        let again = try h.refusal(h.recordAction("guides_written", office: nil, on: "2026-08-12"), as: H.coordinator)
        XCTAssertEqual(again?.reason, .alreadyDone)
        let other = try h.refusal(h.recordAction("staff_trained", office: "daping", batch: "batch2", on: "2026-08-12"), as: H.coordinator)
        XCTAssertEqual(other?.reason, .missingPrerequisite)
    }

    func testDistrictAndOfficeScopeAreInputErrors() throws {
        let h = try H()
        XCTAssertThrowsError(
            try h.engine.decide(h.recordAction("guides_written", office: "daping", on: "2026-08-10"), by: H.coordinator, in: h.state, today: h.today)
        ) { error in
            XCTAssertEqual((error as? InvalidAction)?.message, "guides_written is recorded once for the whole district; do not name an office")
        }
        XCTAssertThrowsError(
            try h.engine.decide(h.recordAction("live", office: nil, on: "2026-08-10"), by: H.coordinator, in: h.state, today: h.today))
        XCTAssertThrowsError(
            try h.engine.decide(
                h.recordAction("live", office: "daping", batch: "baseline", on: "2026-08-10"), by: H.coordinator, in: h.state, today: h.today))
    }

    func testDatesInTheFutureAreInvalidAndEarlierThanPrerequisitesRefused() throws {
        var h = try H()
        XCTAssertThrowsError(
            try h.engine.decide(h.recordAction("guides_written", office: nil, on: "2026-11-28"), by: H.coordinator, in: h.state, today: h.today)
        ) { error in
            XCTAssertEqual("\(error)", "effective date 2026-11-28 is in the future (today is 2026-11-27); expected today or earlier")
        }
        try h.record("network_built", office: "daping", on: "2026-08-20", as: H.daping)
        let early = try h.refusal(h.recordAction("permissions_granted", office: "daping", on: "2026-08-19"), as: H.coordinator)
        XCTAssertEqual(early?.reason, .beforePrerequisite)
        XCTAssertEqual(
            early?.message,
            "effective date 2026-08-19 is before network_built (done 2026-08-20, entry #\(h.seq(of: "network_built", office: "daping"))); permissions_granted cannot happen before its prerequisites"
        )
    }

    func testReadinessMustFollowTheLastPrepMilestoneAndLiveNeedsIt() throws {
        var h = try H()
        try h.record("guides_written", office: nil, on: "2026-08-10", as: H.coordinator)
        try h.record("network_built", office: "jiefangbei", on: "2026-08-12", as: H.jiefangbei)
        try h.record("permissions_granted", office: "jiefangbei", on: "2026-08-15", as: H.coordinator)
        try h.record("staff_trained", office: "jiefangbei", on: "2026-08-25", as: H.coordinator)
        let early = try h.refusal(h.recordAction("ready", office: "jiefangbei", on: "2026-08-24"), as: H.jiefangbei)
        XCTAssertEqual(early?.reason, .beforePrerequisite)
        let live = try h.refusal(h.recordAction("live", office: "jiefangbei", on: "2026-09-01"), as: H.coordinator)
        XCTAssertEqual(live?.reason, .missingPrerequisite)
        try h.record("ready", office: "jiefangbei", on: "2026-08-25", as: H.jiefangbei)
        try h.record("live", office: "jiefangbei", on: "2026-09-01", as: H.coordinator)
    }

    func testAlreadyDoneNamesTheEntry() throws {
        var h = try H()
        try h.record("network_built", office: "daping", on: "2026-08-20", as: H.daping)
        let refusal = try h.refusal(h.recordAction("network_built", office: "daping", on: "2026-08-21"), as: H.daping)
        XCTAssertEqual(
            refusal?.message,
            "network_built is already recorded for 大坪街道 (daping) in batch1 (entry #\(h.seq(of: "network_built", office: "daping")), effective 2026-08-20); correct that entry to change it"
        )
    }
}
