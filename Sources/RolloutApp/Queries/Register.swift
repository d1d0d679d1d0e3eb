import RolloutCore
import RolloutStore

extension RolloutService {
    /// Everyone on the register.
    package func people() throws -> [Person] {
        try store.people()
    }

    /// The names more than one registered person bears: where they act, their login tells them apart.
    package func sharedNames() throws -> Set<String> {
        var logins: [String: Set<String>] = [:]
        for person in try store.people() { logins[person.name, default: []].insert(person.login) }
        return Set(logins.filter { $0.value.count > 1 }.keys)
    }

    /// Problems, open ones only or all.
    package func problems(openOnly: Bool) throws -> [ProblemRecord] {
        try store.problems(openOnly: openOnly)
    }

    /// Every refused attempt, oldest first.
    package func refusals() throws -> [Entry] {
        try store.refusals()
    }

    /// The entry count and the hash of the last entry.
    package func head() throws -> Head {
        try store.head()
    }

    /// What a load balancer routes by: the history's length, whether this
    /// server can write (a primary) or only read, and the schema version.
    package func health() throws -> HealthView {
        let (head, health) = (try store.head(), try store.health())
        return HealthView(status: "ok", entries: head.count, writable: health.writable, role: health.role.rawValue, schema: health.schema)
    }
}
