import XCTest
@testable import RolloutCore

/// Canonical JSON, catalog queries and name resolution.
final class ValueTests: XCTestCase {
    func testCanonicalJSONSortsKeysAndEscapesOnlyWhatJSONRequires() {
        let value = CanonicalJSON.object(["b": .string("解放碑\"\\\n\u{01}/"), "a": .int(-3), "c": .array([.null, .bool(true)])])
        XCTAssertEqual(value.text, "{\"a\":-3,\"b\":\"解放碑\\\"\\\\\\n\\u0001/\",\"c\":[null,true]}")
    }

    func testTheFastEntryEncodingEqualsTheGenericCanonicalEncoding() throws {
        var draft = EntryDraft(
            kind: .refused, batch: "batch1", office: nil, milestone: "live", target: 7, actor: "王敏", actorRole: .coordinator,
            effective: LocalDate("2026-09-01")!, note: "引号\"、反斜杠\\、换行\n、\u{01}",
            evidence: [Evidence(name: "签到表.pdf", sha256: String(repeating: "a", count: 64), size: 12)],
            detail: EntryDetail(members: ["reason": "wrong_role", "action": "record live", "b": "", "a_b": "x"]))
        func sealed() -> Entry {
            draft.sealed(
                seq: 12, recordedAt: "2026-09-01T02:00:00Z", planVersion: String(repeating: "b", count: 64),
                previousHash: Entry.genesisHash, bulk: "bulk-12", idempotencyKey: "k/1")
        }
        var entry = sealed()
        XCTAssertEqual(entry.canonicalText, entry.canonical.text)
        draft.batch = nil
        draft.evidence = []
        draft.detail = .none
        draft.target = nil
        entry = sealed()
        XCTAssertEqual(entry.canonicalText, entry.canonical.text)
        XCTAssertEqual(CanonicalJSONParser.parse(entry.canonical.text), entry.canonical)
    }

    func testCatalogQueriesByLevel() throws {
        let plan = try FixturePaths.yuzhongPlan()
        let bank = CatalogQuery(acceptedAt: .bank).apply(to: plan.items).map(\.number)
        XCTAssertEqual(bank, [4, 37, 49, 50, 51, 52, 53])
        let streetOnly = CatalogQuery(batch: "batch1", fullyAt: .street).apply(to: plan.items).map(\.number)
        XCTAssertEqual(streetOnly, [31, 32, 34, 36])
        XCTAssertEqual(CatalogQuery(area: "就业创业").apply(to: plan.items).map(\.number), Array(14...29))
        XCTAssertEqual(CatalogQuery(section: "工伤待遇科").apply(to: plan.items).map(\.number), Array(48...53))
    }

    func testUnknownNamesSuggestTheClosest() throws {
        let resolver = NameResolver(plan: try FixturePaths.yuzhongPlan())
        XCTAssertEqual(try resolver.office("解放碑").id, "jiefangbei")
        XCTAssertEqual(try resolver.office("大坪街道").id, "daping")
        XCTAssertEqual(try resolver.batch("2").id, "batch2")
        XCTAssertEqual(try resolver.batch("第一批新增延伸").id, "batch1")
        XCTAssertThrowsError(try resolver.office("jiefangbie")) { error in
            XCTAssertEqual("\(error)", "unknown office \"jiefangbie\"; did you mean jiefangbei (解放碑街道)?")
        }
        XCTAssertThrowsError(try resolver.milestone("staff_train")) { error in
            XCTAssertEqual("\(error)", "unknown milestone \"staff_train\"; did you mean staff_trained (完成经办人员政策业务培训)?")
        }
    }
}
