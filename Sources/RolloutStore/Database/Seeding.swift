import GRDB
import RolloutCore

/// Writes a new database's plan, reference tables and first coordinator.
enum Seeding {
    static func load(_ plan: Plan, coordinator: Person, at moment: Moment, into db: Database) throws {
        let version = plan.version
        try db.execute(
            sql: "INSERT INTO plan_versions (version, document, loaded_at) VALUES (?, ?, ?)",
            arguments: [version, PlanDocument.encode(plan), moment.recordedAt])
        for (position, office) in plan.offices.enumerated() {
            try db.execute(
                sql: "INSERT INTO offices (id, name, position) VALUES (?, ?, ?)",
                arguments: [office.id, office.name, position])
        }
        for batch in plan.batches {
            try db.execute(
                sql: "INSERT INTO batches (id, number, label, already_live) VALUES (?, ?, ?, ?)",
                arguments: [batch.id, batch.number, batch.label, batch.alreadyLive])
        }
        for milestone in plan.milestones {
            try db.execute(
                sql: "INSERT INTO milestones (id, label, recorded_by, scope) VALUES (?, ?, ?, ?)",
                arguments: [milestone.id, milestone.label, milestone.recordedBy.rawValue, milestone.scope.rawValue])
        }
        let draft = Engine(plan: plan).bootstrap(coordinator: coordinator, today: moment.today)
        let entry = draft.sealed(
            seq: 1, recordedAt: moment.recordedAt, planVersion: version,
            previousHash: Entry.genesisHash, bulk: nil, idempotencyKey: nil,
            identity: Identity(login: coordinator.login, authentication: .cli))
        let writer = try StateTables.Writer(db)
        try writer.insert(entry)
        try writer.apply(entry)
    }
}
