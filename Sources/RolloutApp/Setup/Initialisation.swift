import RolloutCore
import RolloutStore

extension RolloutService {
    /// Creates a database with a plan (the built-in Yuzhong plan when
    /// `fixtures` is nil, else the files of a folder laid out like it) and
    /// registers its first coordinator.
    package static func create(path: String, fixtures: [String: [UInt8]]?, year: Int?, coordinator: String, login: String? = nil,
                               now: Timestamp, replace: Bool) throws -> RolloutService {
        if let year, !(1900...2999).contains(year) {
            throw InputError("invalid --year \(year); expected a year such as 2026")
        }
        guard !coordinator.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError("the coordinator's name is empty")
        }
        if let login, let problem = Person.loginProblem(login) { throw InputError(problem) }
        let plan = try PlanLoader.load(files: fixtures ?? FixtureFiles.embedded, year: year)
        return RolloutService(store: try Store.create(path: path, plan: plan, coordinator: coordinator, login: login, at: try Moment(now, in: plan), replace: replace))
    }
}
