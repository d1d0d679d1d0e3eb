import XCTest
@testable import RolloutCore

/// Canonical JSON, catalog queries and name resolution.
final class ValueTests: XCTestCase {
    func testCanonicalJSONSortsKeysAndEscapesOnlyWhatJSONRequires() {
        let value = CanonicalJSON.object(["b": .string("解放碑\"\\\n\u{01}/"), "a": .int(-3), "c": .array([.null, .bool(true)])])
        XCTAssertEqual(value.text, "{\"a\":-3,\"b\":\"解放碑\\\"\\\\\\n\\u0001/\",\"c\":[null,true]}")
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
