import XCTest
@testable import RolloutCore

/// Milestones imported from a sheet: the coordinator's one exception, the
/// source kept in the detail, and replay checking both.
final class ImportedMilestoneTests: XCTestCase {
    private let source = ImportSource(reporter: "李娜", fileSHA256: String(repeating: "ab", count: 32), row: 7)

    private func imported(_ milestone: String, office: String?, on day: String, source: ImportSource?) -> Action {
        .record(milestone: milestone, batch: "batch1", office: office, effective: LocalDate(day)!, note: "", evidence: [], source: source)
    }

    func testACoordinatorImportingMayTranscribeAnOfficesMilestoneAndNobodyElseGetsTheException() throws {
        var h = try EngineHarness()
        let plain = try h.refusal(imported("network_built", office: "jiefangbei", on: "2026-08-12", source: nil), as: EngineHarness.coordinator)
        XCTAssertEqual(plain?.reason, .wrongRole)
        try h.act(imported("network_built", office: "jiefangbei", on: "2026-08-12", source: source), as: EngineHarness.coordinator)
        let entry = try XCTUnwrap(h.entries.last)
        XCTAssertEqual(entry.kind, .milestone)
        XCTAssertEqual(entry.actor, "王敏")
        XCTAssertEqual(entry.detail.members, ["reporter": "李娜", "import_sha256": source.fileSHA256, "import_row": "7"])
        XCTAssertEqual(entry.detail.importSource, source)

        let otherOffice = try h.refusal(imported("network_built", office: "daping", on: "2026-08-12", source: source), as: EngineHarness.jiefangbei)
        XCTAssertEqual(otherOffice?.reason, .wrongOffice)
        let auditor = try h.refusal(imported("network_built", office: "daping", on: "2026-08-12", source: source), as: EngineHarness.auditor)
        XCTAssertEqual(auditor?.reason, .wrongRole)
        XCTAssertEqual(h.entries.last?.detail.importRow, "7", "a refused import keeps its source too")
        let early = try h.refusal(
            imported("permissions_granted", office: "jiefangbei", on: "2026-08-11", source: source), as: EngineHarness.coordinator)
        XCTAssertEqual(early?.reason, .beforePrerequisite, "every other guard applies")
    }

    func testReplayReDecidesAnImportedEntryFromItsDetail() throws {
        var h = try EngineHarness()
        try h.act(imported("network_built", office: "jiefangbei", on: "2026-08-12", source: source), as: EngineHarness.coordinator)
        let plans = [h.plan.version: h.plan]
        var replay = ReplayVerifier(plans: plans)
        for entry in h.entries { try replay.feed(entry) { _ in nil } }

        // The source taken away: a coordinator recording an office's milestone, which replay refuses.
        var stripped = ReplayVerifier(plans: plans)
        for entry in h.entries.dropLast() { try stripped.feed(entry) { _ in nil } }
        let last = try XCTUnwrap(h.entries.last)
        let bare = EntryDraft(
            kind: last.kind, batch: last.batch, office: last.office, milestone: last.milestone, actor: last.actor, actorRole: last.actorRole,
            effective: last.effective
        ).sealed(
            seq: last.seq, recordedAt: last.recordedAt, planVersion: last.planVersion, previousHash: last.previousHash, bulk: nil, idempotencyKey: nil
        )
        XCTAssertThrowsError(try stripped.feed(bare) { _ in nil }) {
            XCTAssertTrue(
                "\($0)".contains("the rules refuse at that point: only office staff of 解放碑街道 (jiefangbei) may record network_built"), "\($0)")
        }

        // Half a source (a reporter alone) is no source: the fields differ from what the action would write.
        var partial = ReplayVerifier(plans: plans)
        for entry in h.entries.dropLast() { try partial.feed(entry) { _ in nil } }
        var draft = EntryDraft(last)
        draft.detail = EntryDetail(reporter: "李娜")
        let half = draft.sealed(
            seq: last.seq, recordedAt: last.recordedAt, planVersion: last.planVersion, previousHash: last.previousHash, bulk: nil, idempotencyKey: nil
        )
        XCTAssertThrowsError(try partial.feed(half) { _ in nil })
    }

    func testDetailsWithoutImportMembersEncodeAsBefore() {
        let before = EntryDetail(members: ["name": "李娜", "role": "office", "office": "jiefangbei"])
        var bytes: [UInt8] = []
        before.writeCanonicalBytes(into: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), #"{"name":"李娜","office":"jiefangbei","role":"office"}"#)
        let imported = EntryDetail.imported(ImportSource(reporter: "", fileSHA256: "00", row: 2))
        XCTAssertEqual(imported.members, ["import_sha256": "00", "import_row": "2"], "no reporter member when the sheet names no one")
        XCTAssertEqual(EntryDetail(members: imported.members), imported)
    }
}
