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

    func testTheArchitectureDocumentListsEverySourceAndTestFolderThatExists() throws {
        let text = try document("architecture.md")
        let block = try XCTUnwrap(text.components(separatedBy: "```layout\n").dropFirst().first?.components(separatedBy: "```").first)
        let listed = Set(block.split(separator: "\n").compactMap { $0.split(separator: " ").first.map { String($0.dropLast()) } })
        var onDisk = Set<String>()
        for top in ["Sources", "Tests"] {
            let root = FixturePaths.root.appendingPathComponent(top)
            for module in try FileManager.default.contentsOfDirectory(atPath: root.path) {
                let folder = root.appendingPathComponent(module)
                let children = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                    var isFolder: ObjCBool = false
                    return FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isFolder)
                        && isFolder.boolValue
                }
                // Source modules list their concept folders; test modules are listed whole.
                if top == "Sources", !children.isEmpty {
                    for child in children { onDisk.insert("\(top)/\(module)/\(child)") }
                } else {
                    onDisk.insert("\(top)/\(module)")
                }
            }
        }
        XCTAssertEqual(listed.subtracting(onDisk).sorted(), [], "docs/architecture.md lists folders that do not exist")
        XCTAssertEqual(onDisk.subtracting(listed).sorted(), [], "docs/architecture.md does not list these folders")
    }
}
