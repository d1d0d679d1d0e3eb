import XCTest
@testable import RolloutCore

/// Problems after go-live, and blocking an office's rollout.
final class FollowUpTests: XCTestCase {
    private typealias H = EngineHarness

    func testProblemsNeedGoLiveThenStayOpenUntilResolved() throws {
        var h = try H()
        let early = try h.refusal(
            .openProblem(batch: "batch1", office: "jiefangbei", effective: h.date("2026-08-30"), note: "系统无法登录"), as: H.jiefangbei)
        XCTAssertEqual(early?.reason, .notLive)
        XCTAssertEqual(early?.message, "解放碑街道 (jiefangbei) is not live in batch1 yet (live not recorded); problems are reported after go-live")
        try h.bringJiefangbeiLive()
        try h.act(.openProblem(batch: "batch1", office: "jiefangbei", effective: h.date("2026-09-03"), note: "系统无法登录"), as: H.jiefangbei)
        let problemID = try XCTUnwrap(h.entries.last?.seq)
        XCTAssertNil(h.state.track(batch: "batch1", office: "jiefangbei").problems[problemID]?.resolution)
        let officeResolves = try h.refusal(
            .resolveProblem(problem: problemID, batch: "batch1", office: "jiefangbei", effective: h.date("2026-09-04"), note: "ok"), as: H.jiefangbei)
        XCTAssertEqual(officeResolves?.reason, .wrongRole)
        let otherOffice = try h.refusal(.openProblem(batch: "batch1", office: "jiefangbei", effective: h.date("2026-09-03"), note: "x"), as: H.daping)
        XCTAssertEqual(otherOffice?.reason, .wrongOffice)
        try h.act(
            .resolveProblem(problem: problemID, batch: "batch1", office: "jiefangbei", effective: h.date("2026-09-05"), note: "重置权限"),
            as: H.coordinator)
        XCTAssertEqual(h.state.track(batch: "batch1", office: "jiefangbei").problems[problemID]?.resolution?.note, "重置权限")
        let twice = try h.refusal(
            .resolveProblem(problem: problemID, batch: "batch1", office: "jiefangbei", effective: h.date("2026-09-06"), note: "again"),
            as: H.coordinator)
        XCTAssertEqual(twice?.reason, .problemNotOpen)
    }

    func testABlockedRolloutRefusesProgressUntilUnblocked() throws {
        var h = try H()
        try h.act(.block(batch: "batch1", office: "daping", effective: h.date("2026-08-05"), reason: "机房搬迁"), as: H.coordinator)
        let refusal = try h.refusal(h.recordAction("network_built", office: "daping", on: "2026-08-06"), as: H.daping)
        XCTAssertEqual(refusal?.reason, .blocked)
        XCTAssertEqual(
            refusal?.message, "the rollout of batch1 at 大坪街道 (daping) is blocked since 2026-08-05 (机房搬迁); a coordinator must unblock it first")
        let twice = try h.refusal(.block(batch: "batch1", office: "daping", effective: h.date("2026-08-06"), reason: "again"), as: H.coordinator)
        XCTAssertEqual(twice?.reason, .blocked)
        // Other offices are unaffected.
        try h.record("network_built", office: "jiefangbei", on: "2026-08-06", as: H.jiefangbei)
        try h.act(.unblock(batch: "batch1", office: "daping", effective: h.date("2026-08-10"), reason: "搬迁完成"), as: H.coordinator)
        try h.record("network_built", office: "daping", on: "2026-08-11", as: H.daping)
        let notBlocked = try h.refusal(.unblock(batch: "batch1", office: "daping", effective: h.date("2026-08-12"), reason: "x"), as: H.coordinator)
        XCTAssertEqual(notBlocked?.reason, .notBlocked)
    }
}
