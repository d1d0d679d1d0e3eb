import ArgumentParser
import RolloutApp

/// `rollout init`: create a database with a plan and its first coordinator.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a database with the Yuzhong plan (or another district's) and its first coordinator."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "A fixture folder laid out like Fixtures/yuzhong (default: the built-in Yuzhong plan).")
    var fixtures: String?

    @Option(name: .long, help: "The year the plan's months fall in (default: the plan's own year).")
    var year: Int?

    @Option(name: .long, help: "Name of the first coordinator, who can then register everyone else.")
    var coordinator: String

    @Option(name: .long, help: "The first coordinator's login: a staff number or a mobile number (default: the name).")
    var login: String?

    @Flag(name: .long, help: "Replace an existing database (its history is lost).")
    var replace = false

    @Flag(
        name: .customLong("test-clock"),
        help:
            "Make a test database: its commands take the time from ROLLOUT_NOW when set. A real district's database (the default) always records the system clock's time; with ROLLOUT_NOW set, its commands that read the clock refuse to run."
    )
    var testClock = false

    func run() throws {
        try reporting {
            let plan = try RolloutService.plan(fixtures: try fixtures.map(FixtureFolder.read), year: year)
            if CommandClock.injected != nil && !testClock {
                throw InputError(
                    "ROLLOUT_NOW is set, but a real district's database records the system clock's time; pass --test-clock to make a test database that honours ROLLOUT_NOW, or unset ROLLOUT_NOW"
                )
            }
            let service = try RolloutService.create(
                location: database.location, plan: plan, coordinator: coordinator, login: login,
                now: try CommandClock.now(in: plan.timeZone, injectable: testClock),
                replace: replace, testClock: testClock)
            let head = try service.head()
            if output.json {
                try JSONOutput.print(
                    InitSummary(
                        database: service.location, district: plan.district, year: plan.year, items: plan.items.count,
                        offices: plan.offices.count, batches: plan.batches.count,
                        planVersion: plan.version, coordinator: coordinator, entries: head.count, head: head.hash))
            } else {
                print(
                    "Created \(service.location) for \(plan.district) (year \(plan.year)): \(plan.items.count) items, \(plan.offices.count) offices, \(plan.batches.count) batches."
                )
                print("Registered \(coordinator) as the first coordinator (entry #\(head.count)).")
                print("Plan version \(plan.version.prefix(16)).")
            }
        }
    }

    private struct InitSummary: Encodable {
        var database: String
        var district: String
        var year: Int
        var items: Int
        var offices: Int
        var batches: Int
        var planVersion: String
        var coordinator: String
        var entries: Int64
        var head: String
    }
}
