import Foundation
import XCTest
@testable import RolloutCore

/// Docs that are generated from data stay equal to what the code generates.
final class DocumentationTests: XCTestCase {
    private func document(_ name: String) throws -> String {
        try String(contentsOf: FixturePaths.root.appendingPathComponent("docs/\(name)"), encoding: .utf8)
    }

    func testTheStateMachineDocumentShowsTheGraphGeneratedFromThePlan() throws {
        let text = try document("state-machine.md")
        let block = try XCTUnwrap(text.components(separatedBy: "```mermaid\n").dropFirst().first?.components(separatedBy: "```").first)
        XCTAssertEqual(block, MilestoneGraph.mermaid(try FixturePaths.yuzhongPlan()))
    }

    func testEveryRefusalReasonIsDocumented() throws {
        let text = try document("state-machine.md")
        for reason in Refusal.Reason.allCases {
            XCTAssertTrue(text.contains("| `\(reason.rawValue)` |"), "docs/state-machine.md lacks \(reason.rawValue)")
        }
    }
}
