import Foundation
import TestSupport
import RolloutCore

/// Locates the repository's `Fixtures/` from this source file, and loads the Yuzhong plan.
enum FixturePaths {
    static let root = Repository.root
    static let fixtures = root.appendingPathComponent("Fixtures")
    static let yuzhong = fixtures.appendingPathComponent("yuzhong")
    static let seed = fixtures.appendingPathComponent("seed/000_02bf530320e9ab6f.txt")

    static func yuzhongFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in PlanLoader.fileNames {
            files[name] = Array(try Data(contentsOf: yuzhong.appendingPathComponent(name)))
        }
        return files
    }

    static func yuzhongPlan() throws -> Plan { try PlanLoader.load(files: yuzhongFiles()) }
}
