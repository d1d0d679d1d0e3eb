import ArgumentParser
import Foundation
import RolloutCore
import RolloutStore

/// `--db`: which database, else `ROLLOUT_DB`, else `rollout.sqlite` in the current folder.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Database file (default: $ROLLOUT_DB, else ./rollout.sqlite).")
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["ROLLOUT_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "rollout.sqlite"
    }

    func open() throws -> Store { try Store.open(path: path) }
}

/// `--json`: machine output instead of tables.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of a table.")
    var json = false
}

/// `--as`: who acts, else `ROLLOUT_ACTOR`.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "The registered person acting (default: $ROLLOUT_ACTOR).")
    var actor: String?

    func name() throws -> String {
        guard let name = actor ?? ProcessInfo.processInfo.environment["ROLLOUT_ACTOR"], !name.isEmpty else {
            throw InputError("who is acting? pass --as NAME or set ROLLOUT_ACTOR to a registered person")
        }
        return name
    }
}

/// Options every recording command shares: effective date, note, concurrency guards.
struct WriteFlags: ParsableArguments {
    @Option(name: .long, help: "When it happened, YYYY-MM-DD (default: today; never in the future).")
    var date: String?

    @Option(name: .long, help: "The entry count or head hash you saw; refuse if the history moved since.")
    var expect: String?

    @Option(name: .long, help: "A key of your choosing; resubmitting with the same key records nothing new.")
    var key: String?

    func effective(today: LocalDate) throws -> LocalDate {
        guard let date else { return today }
        guard let parsed = LocalDate(date) else {
            throw InputError("invalid date \"\(date)\"; expected a real calendar date as YYYY-MM-DD, e.g. 2026-09-30")
        }
        return parsed
    }

    func options(dryRun: Bool = false) throws -> WriteOptions {
        var expectation: Expectation?
        if let expect {
            guard let parsed = Expectation(expect) else {
                throw InputError("invalid --expect \"\(expect)\"; expected an entry count or a head hash (at least 6 hex digits)")
            }
            expectation = parsed
        }
        if let key, key.isEmpty || key.count > 200 {
            throw InputError("invalid --key; expected 1 to 200 characters")
        }
        return WriteOptions(expect: expectation, idempotencyKey: key, dryRun: dryRun)
    }
}
