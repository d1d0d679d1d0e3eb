import XCTest
@testable import RolloutCore

/// Corrections reverse entries by appending new ones; dependants must go too.
final class CorrectionTests: XCTestCase {
    private typealias H = EngineHarness

    private func correct(_ seqs: [Int64], in h: inout H, as person: Person = H.coordinator) throws -> Engine.Decision {
        let targets = seqs.map { seq in h.entries[Int(seq) - 1] }
        return try h.act(.correct(targets: targets, effective: h.today, reason: "录入错误"), as: person)
    }

    func testReversingAMilestoneWithoutDependantsRecomputesTheState() throws {
        var h = try H()
        try h.record("network_built", office: "daping", on: "2026-08-20", as: H.daping)
        let seq = h.seq(of: "network_built", office: "daping")
        let decision = try correct([seq], in: &h)
        guard case .accepted(let drafts) = decision else { return XCTFail("refused: \(decision)") }
        XCTAssertEqual(drafts.map(\.target), [seq])
        XCTAssertNil(h.state.track(batch: "batch1", office: "daping").completions["network_built"])
        XCTAssertEqual(h.entries[Int(seq) - 1].kind, .milestone, "the reversed entry stays in the history")
        // It can be recorded again, with the right date this time.
        try h.record("network_built", office: "daping", on: "2026-08-22", as: H.daping)
    }

    func testReversingAMilestoneOthersDependOnNamesThemAndIsRefused() throws {
        var h = try H()
        try h.bringJiefangbeiLive()
        let network = h.seq(of: "network_built", office: "jiefangbei")
        guard case .refused(let refusal, _) = try correct([network], in: &h) else { return XCTFail("expected a refusal") }
        XCTAssertEqual(refusal.reason, .dependantsNotReversed)
        let permissions = h.seq(of: "permissions_granted", office: "jiefangbei")
        let ready = h.seq(of: "ready", office: "jiefangbei")
        let live = h.seq(of: "live", office: "jiefangbei")
        XCTAssertEqual(
            refusal.message,
            "other entries depend on what you reverse; reverse them in the same command: #\(permissions) permissions_granted for 解放碑街道 (jiefangbei); #\(ready) ready for 解放碑街道 (jiefangbei); #\(live) live for 解放碑街道 (jiefangbei)"
        )
        XCTAssertNotNil(h.state.track(batch: "batch1", office: "jiefangbei").completions["network_built"])
    }

    func testReversingWithItsDependantsInOneCommandIsAllowed() throws {
        var h = try H()
        try h.bringJiefangbeiLive()
        let seqs = ["network_built", "permissions_granted", "ready", "live"].map { h.seq(of: $0, office: "jiefangbei") }
        guard case .accepted(let drafts) = try correct(seqs, in: &h) else { return XCTFail("expected acceptance") }
        XCTAssertEqual(drafts.count, 4)
        XCTAssertEqual(Set(h.state.track(batch: "batch1", office: "jiefangbei").completions.milestones), ["staff_trained"])
    }

    func testADistrictWideMilestoneListsDependantsAtEveryOffice() throws {
        var h = try H()
        try h.record("guides_written", office: nil, on: "2026-08-10", as: H.coordinator)
        try h.record("staff_trained", office: "daping", on: "2026-08-11", as: H.coordinator)
        try h.record("staff_trained", office: "jiefangbei", on: "2026-08-11", as: H.coordinator)
        guard case .refused(let refusal, _) = try correct([h.seq(of: "guides_written", office: nil)], in: &h) else {
            return XCTFail("expected a refusal")
        }
        XCTAssertTrue(
            refusal.message.contains("staff_trained for 大坪街道 (daping)") && refusal.message.contains("staff_trained for 解放碑街道 (jiefangbei)"),
            refusal.message)
    }

    func testGoLiveCannotBeReversedWhileProblemsHangOnIt() throws {
        var h = try H()
        try h.bringJiefangbeiLive()
        try h.act(.openProblem(batch: "batch1", office: "jiefangbei", effective: h.date("2026-09-02"), note: "打印机故障"), as: H.jiefangbei)
        let problem = try XCTUnwrap(h.entries.last?.seq)
        guard case .refused(let refusal, _) = try correct([h.seq(of: "live", office: "jiefangbei")], in: &h) else {
            return XCTFail("expected a refusal")
        }
        XCTAssertTrue(refusal.message.contains("#\(problem) problem at 解放碑街道 (jiefangbei)"), refusal.message)
    }

    func testOnlyEntriesInEffectCanBeReversedAndOnlyByCoordinators() throws {
        var h = try H()
        try h.record("network_built", office: "daping", on: "2026-08-20", as: H.daping)
        let seq = h.seq(of: "network_built", office: "daping")
        guard case .refused(let byOffice, _) = try correct([seq], in: &h, as: H.daping) else { return XCTFail("expected a refusal") }
        XCTAssertEqual(byOffice.reason, .wrongRole)
        _ = try correct([seq], in: &h)
        guard case .refused(let again, _) = try correct([seq], in: &h) else { return XCTFail("expected a refusal") }
        XCTAssertEqual(again.reason, .notInEffect)
        XCTAssertThrowsError(try correct([1], in: &h)) { error in
            XCTAssertEqual("\(error)", "entry #1 is a person_added entry; only milestones, problems and blocks can be reversed")
        }
    }

    func testReversingAnUnblockRestoresTheBlock() throws {
        var h = try H()
        try h.act(.block(batch: "batch1", office: "daping", effective: h.date("2026-08-05"), reason: "机房搬迁"), as: H.coordinator)
        try h.act(.unblock(batch: "batch1", office: "daping", effective: h.date("2026-08-06"), reason: "误操作"), as: H.coordinator)
        let unblock = try XCTUnwrap(h.entries.last?.seq)
        _ = try correct([unblock], in: &h)
        XCTAssertEqual(h.state.track(batch: "batch1", office: "daping").block?.reason, "机房搬迁")
    }
}
