import Foundation
import XCTest
@testable import RolloutCore

/// The fixture is a faithful transcription of the seed: checked item by item,
/// so a slip in `Fixtures/yuzhong` fails the build.
final class SeedCrossCheckTests: XCTestCase {
    private var seed: SeedTable!
    private var plan: Plan!

    override func setUpWithError() throws {
        seed = try SeedTable(text: String(decoding: try Data(contentsOf: FixturePaths.seed), as: UTF8.self))
        plan = try FixturePaths.yuzhongPlan()
    }

    func testTheSeedCopyMatchesTheSharedOriginalWhenPresent() throws {
        let shared = FixturePaths.root.deletingLastPathComponent().appendingPathComponent("shared/seeds/000_02bf530320e9ab6f.txt")
        guard let original = try? Data(contentsOf: shared) else { throw XCTSkip("../shared is not beside this checkout") }
        XCTAssertEqual(try Data(contentsOf: FixturePaths.seed), original)
    }

    func testEveryItemOfTheSeedIsInTheFixtureInOrder() {
        XCTAssertEqual(seed.rows.map(\.number), Array(1...53))
        XCTAssertEqual(plan.items.map(\.number), seed.rows.map(\.number))
    }

    func testEveryColumnMatchesTheSeedWithMergedCellsFilledDown() {
        let batchIDs = ["已延伸": "baseline", "第一批新增延伸": "batch1", "第二批新增延伸": "batch2"]
        for (row, item) in zip(seed.rows, plan.items) {
            let context = "item \(row.number)"
            XCTAssertEqual(item.name, row.name, context)
            XCTAssertEqual(item.area, row.area, context)
            XCTAssertEqual(item.depth.text, row.depth, context)
            XCTAssertEqual(item.unit, row.unit, context)
            XCTAssertEqual(item.sections, row.sections.components(separatedBy: "、"), context)
            XCTAssertEqual(item.batch, batchIDs[row.batch], context)
            XCTAssertEqual(item.remarks, row.remarks, context)
        }
    }

    func testItem41TakesItsUnitFromTheRowAbove() {
        XCTAssertEqual(plan.items[40].unit, "区社会保险事务中心")
        XCTAssertEqual(plan.items[40].area, "社会保险")
    }

    func testTheStructuredDepthAgreesWithTheVerbatimText() {
        for item in plan.items {
            XCTAssertEqual(DepthTextParser.parse(item.depth.text), item.depth.channels, "item \(item.number): \(item.depth.text)")
        }
    }

    func testBatchesFollowTheFootnoteAndCarryTheScheduleVerbatim() {
        XCTAssertTrue(seed.footnote.contains("序号1-29") && seed.footnote.contains("30-40") && seed.footnote.contains("41-53"))
        XCTAssertEqual(plan.items.filter { $0.batch == "baseline" }.map(\.number), Array(1...29))
        XCTAssertEqual(plan.items.filter { $0.batch == "batch1" }.map(\.number), Array(30...40))
        XCTAssertEqual(plan.items.filter { $0.batch == "batch2" }.map(\.number), Array(41...53))
        for row in seed.rows where row.number >= 30 {
            let batch = plan.batch(id: plan.items[row.number - 1].batch)
            XCTAssertEqual(batch?.schedule, row.schedule, "item \(row.number)")
        }
        XCTAssertEqual(plan.batch(id: "batch1")?.prepMonth, 8)
        XCTAssertEqual(plan.batch(id: "batch1")?.liveMonth, 9)
        XCTAssertEqual(plan.batch(id: "batch2")?.prepMonth, 10)
        XCTAssertEqual(plan.batch(id: "batch2")?.liveMonth, 11)
    }

    func testTheElevenYuzhongOfficesAreListed() {
        let names = ["朝天门", "解放碑", "南纪门", "七星岗", "菜园坝", "两路口", "大溪沟", "上清寺", "石油路", "大坪", "化龙桥"]
        XCTAssertEqual(plan.offices.map(\.name), names.map { $0 + "街道" })
        XCTAssertTrue(plan.offices.allSatisfy { $0.id.allSatisfy(\.isASCII) })
    }
}
