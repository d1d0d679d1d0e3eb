import Foundation
import TestSupport
import XCTest
@testable import RolloutCore

/// Random damage to the fixture files never crashes the loader: it either
/// loads a valid plan or reports a `PlanError` naming a file.
final class FixtureFuzzTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    func testRandomlyDamagedFixturesAreLoadedOrRefusedNeverCrash() throws {
        let original = try FixturePaths.yuzhongFiles()
        var random = SeededGenerator(seed: 20_261_127)
        let interesting: [[UInt8]] = [
            Array("\"".utf8), Array("{".utf8), Array("]".utf8), Array("null".utf8), Array("-1".utf8),
            Array("99999999999999999999".utf8), [0xFF], [0xE4, 0xB8], Array("\\u0000".utf8), Array("街道".utf8),
        ]
        var loaded = 0, refused = 0
        for round in 0..<400 {
            var files = original
            let name = PlanLoader.fileNames.randomElement(using: &random) ?? "plan.json"
            var bytes = files[name] ?? []
            for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: interesting.randomElement(using: &random) ?? [], at: at)
                case 2: bytes[at] = UInt8.random(in: 0...255, using: &random)
                default: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...200, using: &random)))
                }
            }
            files[name] = bytes
            do {
                _ = try PlanLoader.load(files: files)
                loaded += 1
            } catch {
                XCTAssertTrue(PlanLoader.fileNames.contains(error.file), "round \(round): \(error)")
                XCTAssertFalse(error.message.isEmpty, "round \(round)")
                refused += 1
            }
        }
        XCTAssertGreaterThan(refused, 300, "most damage is caught")
        XCTAssertEqual(loaded + refused, 400)
    }
}
