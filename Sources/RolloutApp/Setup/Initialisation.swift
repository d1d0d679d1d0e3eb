import RolloutCore
import RolloutStore

extension RolloutService {
    /// The plan of a new database: the built-in Yuzhong plan when `fixtures`
    /// is nil, else the files of a folder laid out like it, in `year`.
    package static func plan(fixtures: [String: [UInt8]]?, year: Int?) throws -> Plan {
        if let year, !(1900...2999).contains(year) {
            throw InputError(.year) { "invalid \($0(.year)) \(year); expected a year such as 2026" }
        }
        return try PlanLoader.load(files: fixtures ?? FixtureFiles.embedded, year: year)
    }

    /// Creates a database at `location` (a SQLite file's path or a
    /// `postgresql://` URL) with `plan` and registers its first coordinator; a
    /// test database (`testClock`) lets its front ends inject the clock.
    package static func create(
        location: String, plan: Plan, coordinator: String, login: String? = nil, now: Timestamp, replace: Bool,
        testClock: Bool = false
    ) throws -> RolloutService {
        guard !coordinator.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError("the coordinator's name is empty")
        }
        if let login, let problem = Person.loginProblem(login) { throw InputError(problem) }
        return RolloutService(
            store: try Store.create(
                path: location, plan: plan, coordinator: coordinator, login: login, at: try Moment(now, in: plan), replace: replace,
                testClock: testClock))
    }
}
