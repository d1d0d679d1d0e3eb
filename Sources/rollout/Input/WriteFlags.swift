import ArgumentParser
import RolloutApp

/// Options every recording command shares: effective date and concurrency guards.
struct WriteFlags: ParsableArguments {
    @Option(name: .long, help: "When it happened, YYYY-MM-DD (default: today; never in the future).")
    var date: String?

    @Option(name: .long, help: "The entry count or head hash you saw; refuse if the history moved since.")
    var expect: String?

    @Option(name: .long, help: "A key of your choosing; resubmitting with the same key records nothing new.")
    var key: String?

    func input(dryRun: Bool = false) -> WriteInput {
        WriteInput(date: date, expect: expect, key: key, dryRun: dryRun)
    }
}
