import ArgumentParser
import Foundation
import RolloutApp

/// `rollout generate` (hidden): builds a synthetic database at district, city or
/// national scale through the real store code, for the benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Build a synthetic database of N offices with a full history (benchmarks; see docs/performance.md).",
        shouldDisplay: false
    )

    @Option(name: .long, help: "The database to create (refused if it exists).")
    var db: String

    @Option(name: .long, help: "Number of street offices.")
    var offices: Int

    @Option(name: .long, help: "Number of districts the offices are spread over.")
    var districts: Int = 1

    @Option(name: .long, help: "Number of new batches (1 to 6).")
    var batches: Int = 5

    @Flag(name: .customLong("open-last-batch"), help: "Stop the last batch after permissions_granted, leaving training to record.")
    var openLastBatch = false

    func run() throws {
        try reporting {
            let started = Date()
            let service = try RolloutService.generate(
                ScaleRequest(offices: offices, districts: districts, batches: batches, openLastBatch: openLastBatch), into: db)
            let seconds = Date().timeIntervalSince(started)
            let count = try service.head().count
            print(
                "Generated \(count) entries for \(offices) offices in \(districts) districts, \(batches) batches, in \(String(format: "%.1f", seconds)) s (\(Int(Double(count) / max(seconds, 0.001))) entries/s)."
            )
        }
    }
}
