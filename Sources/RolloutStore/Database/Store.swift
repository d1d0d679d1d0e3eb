import RolloutCore

/// A rollout database: the plan, the hash-chained history and the current
/// state derived from it, in a SQLite file or a PostgreSQL database. The front
/// ends and the application layer see only this type; which engine holds the
/// tables is decided by the location given to `open` or `create`.
package struct Store: Sendable {
    let engine: any StoreEngine
    /// The plan version in force.
    package let plan: Plan
    let planVersion: String
    /// Made by `init --test-clock`, `demo` or `generate`: only such a database
    /// honours an injected clock (`ROLLOUT_NOW`); a real district's never does.
    package let isTestDatabase: Bool

    /// The database file, or the PostgreSQL URL without its password.
    package var path: String { engine.location }

    /// Opens an existing database: a file path (SQLite) or a `postgresql://` URL.
    /// Refuses anything that is not a rollout database. `upgrading` applies
    /// newer migrations; without it (for a command that only reads) nothing in
    /// the database is changed and an older schema is refused as needing an upgrade.
    package static func open(path location: String, upgrading: Bool = true) throws -> Store {
        let engine: any StoreEngine =
            if let url = try PostgresURL(location) {
                try PostgresEngine.open(url, upgrading: upgrading)
            } else {
                try SQLiteEngine.open(path: location, upgrading: upgrading)
            }
        let (plan, version, isTest) = try engine.read { db in
            guard let row = try db.row("SELECT version, document FROM plan_versions ORDER BY loaded_at DESC, version DESC LIMIT 1"),
                let version = row.string(0), let document = row.string(1)
            else { throw StoreError.notARolloutDatabase(path: engine.location, why: "it holds no plan") }
            var offices: [Office] = []
            for row in try db.rows("SELECT id, name FROM offices ORDER BY position") {
                offices.append(Office(id: row.string(0) ?? "", name: row.string(1) ?? ""))
            }
            let plan: Plan
            do {
                plan = try PlanDocument.decode(document, offices: offices)
            } catch {
                throw StoreError.notARolloutDatabase(path: engine.location, why: "its stored plan cannot be read: \(error)")
            }
            return (plan, version, try db.int("SELECT count(*) FROM test_clock") ?? 0 > 0)
        }
        return Store(engine: engine, plan: plan, planVersion: version, isTestDatabase: isTest)
    }

    /// Creates a database at `location` (a file path or a `postgresql://` URL of
    /// an empty database) holding `plan` and its first coordinator, in one
    /// transaction: a failure leaves nothing behind. With `testClock` the
    /// database is marked as a test database, whose commands may take their time
    /// from an injected clock (`isTestDatabase`).
    package static func create(
        path location: String, plan: Plan, coordinator: String, login: String? = nil, at moment: Moment, replace: Bool,
        testClock: Bool = false
    ) throws -> Store {
        let coordinator = Person(login: login ?? coordinator, name: coordinator, role: .coordinator, office: nil)
        if coordinator.login != coordinator.name, let problem = Person.loginProblem(coordinator.login) {
            throw StoreError.invalid(InvalidAction(problem))
        }
        func seed(_ db: any SQLExecutor) throws {
            if testClock { try db.execute("INSERT INTO test_clock (id, marked_at) VALUES (1, ?)", [moment.recordedAt]) }
            try Seeding.load(plan, coordinator: coordinator, at: moment, into: db)
        }
        if let url = try PostgresURL(location) {
            try PostgresEngine.create(url, replace: replace, seed: seed)
        } else {
            try SQLiteEngine.create(path: location, replace: replace, seed: seed)
        }
        return try open(path: location)
    }

    /// One read transaction.
    func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T { try engine.read(body) }
}
