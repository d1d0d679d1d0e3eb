import RolloutCore

/// Writes a new database's plan, reference tables and first coordinator.
enum Seeding {
    static func load(_ plan: Plan, coordinator: Person, at moment: Moment, into db: any SQLExecutor) throws {
        let version = plan.version
        try db.execute(
            "INSERT INTO plan_versions (version, document, loaded_at) VALUES (?, ?, ?)", [version, PlanDocument.encode(plan), moment.recordedAt])
        for (position, office) in plan.offices.enumerated() {
            try db.execute("INSERT INTO offices (id, name, position) VALUES (?, ?, ?)", [office.id, office.name, position])
        }
        for batch in plan.batches {
            try db.execute(
                "INSERT INTO batches (id, number, label, already_live) VALUES (?, ?, ?, ?)", [batch.id, batch.number, batch.label, batch.alreadyLive])
        }
        for milestone in plan.milestones {
            try db.execute(
                "INSERT INTO milestones (id, label, recorded_by, scope) VALUES (?, ?, ?, ?)",
                [milestone.id, milestone.label, milestone.recordedBy.rawValue, milestone.scope.rawValue])
        }
        let draft = Engine(plan: plan).bootstrap(coordinator: coordinator, today: moment.today)
        let entry = draft.sealed(
            seq: 1, recordedAt: moment.recordedAt, planVersion: version,
            previousHash: Entry.genesisHash, bulk: nil, idempotencyKey: nil,
            identity: Identity(login: coordinator.login, authentication: .cli))
        let writer = StateTables.Writer(db)
        try writer.insert(entry)
        try writer.apply(entry)
    }
}
