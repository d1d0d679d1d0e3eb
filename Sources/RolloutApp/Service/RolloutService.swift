import RolloutCore
import RolloutStore

/// The application layer: every use case of the command line (and of the
/// server), over one store.
///
/// A use case takes who acts, a clock reading and plain values as a person
/// typed them; it checks them (naming the bad value and what was expected),
/// resolves names, applies the rules through the store and returns values. It
/// never prints and never reads the clock, the environment or a file: the
/// front ends do that and render what comes back.
package struct RolloutService: Sendable {
    package let store: Store

    package init(store: Store) {
        self.store = store
    }

    /// Opens an existing database: a SQLite file's path or a `postgresql://` URL;
    /// without `upgrading`, read-only, refusing an older schema instead of upgrading it.
    package static func open(location: String, upgrading: Bool = true) throws -> RolloutService {
        RolloutService(store: try Store.open(path: location, upgrading: upgrading))
    }

    /// The plan in force.
    package var plan: Plan { store.plan }

    /// Where the database is: a SQLite file's path or a `postgresql://` URL.
    package var location: String { store.path }

    /// Made for tests and demos: the only kind of database whose front ends may inject a clock.
    package var isTestDatabase: Bool { store.isTestDatabase }

    /// Office, batch and milestone names as people type them.
    var names: NameResolver { NameResolver(plan: plan) }

    /// The moment a write made at `now` is recorded at: the time, and today in the plan's time zone.
    package func moment(at now: Timestamp) throws -> Moment {
        try Moment(now, in: plan)
    }
}
