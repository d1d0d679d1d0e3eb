import ArgumentParser
import Foundation
import RolloutApp

/// `--db`: which database, else `ROLLOUT_DB`, else `rollout.sqlite` in the current folder.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Database: a file (SQLite) or a postgresql:// URL (default: $ROLLOUT_DB, else ./rollout.sqlite).")
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["ROLLOUT_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "rollout.sqlite"
    }

    func open() throws -> RolloutService { try RolloutService.open(path: path) }
}
