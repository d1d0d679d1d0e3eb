import Foundation
import TestSupport
import XCTest
@testable import RolloutCore

/// The fuzz corpus (`Fixtures/fuzz/`, seeds and every input the fuzzer once
/// crashed on) replayed through the fuzz targets' own checks in the normal
/// suite, so a fixed crash stays fixed without running libFuzzer.
final class FuzzCorpusTests: XCTestCase {
    private static let corpus = FixturePaths.fixtures.appendingPathComponent("fuzz")

    private func inputs(_ target: String) -> [(path: String, bytes: [UInt8])] {
        FuzzChecks.inputs([FuzzCorpusTests.corpus.appendingPathComponent(target).path])
    }

    func testTheExportCorpusVerifiesOnlyTheRealExport() throws {
        let inputs = inputs("FuzzExport")
        XCTAssertGreaterThanOrEqual(inputs.count, 20)
        for input in inputs {
            let name = (input.path as NSString).lastPathComponent
            let verification = try XCTUnwrap(FuzzChecks.export(input.bytes), name)
            XCTAssertEqual(verification.passed, name == "real-export.jsonl", "\(name): \(verification.failure?.description ?? "passed")")
        }
    }

    func testTheFixtureCorpusLoadsOnlyTheYuzhongFixtures() {
        let inputs = inputs("FuzzPlanLoader")
        XCTAssertGreaterThanOrEqual(inputs.count, 5)
        var loaded: [String] = []
        for input in inputs {
            let name = (input.path as NSString).lastPathComponent
            switch FuzzChecks.planLoader(input.bytes) {
            case .success: loaded.append(name)
            case .failure(let error): XCTAssertFalse(error.message.isEmpty, name)
            }
        }
        XCTAssertEqual(loaded, ["yuzhong", "yuzhong-no-items"])
    }
}
