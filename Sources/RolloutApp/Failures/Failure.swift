/// What kind of failure an error is: the one classification of every error a
/// use case can throw, from which the command line takes its exit code and
/// the server its HTTP status. `docs/cli.md` and `docs/openapi.yaml` show the
/// table; `FailureTableTests` holds both to it.
package enum Failure: String, CaseIterable, Sendable {
    /// A value a person gave is malformed or names nothing: nothing was written.
    case badInput = "bad_input"
    /// What was asked for does not exist: an entry, a problem, a database.
    case notFound = "not_found"
    /// The person is not signed in, or the credentials are wrong.
    case notSignedIn = "not_signed_in"
    /// The person's role or office may not do this (or they are not on the register).
    case notAllowed = "not_allowed"
    /// Too many failed sign-ins lately: try again later.
    case throttled
    /// The history moved since the person looked (`--expect`, `If-Match`).
    case stale
    /// Another write got there first: a key reused for another action, a clock behind the history.
    case conflict
    /// The database cannot take the request now (locked, unreachable, a read-only standby): try again.
    case unavailable
    /// The disk is full or failed while writing: nothing was written.
    case storageFull = "storage_full"
    /// A fault of the program or its build: the details go to the log, not to the person.
    case `internal`

    /// The exit code and the HTTP status of each class: the one table both front ends read.
    package var codes: (exit: Int32, status: Int) {
        switch self {
        case .badInput: (2, 400)
        case .notFound: (2, 404)
        case .notSignedIn: (3, 401)
        case .notAllowed: (3, 403)
        case .throttled: (3, 429)
        case .stale: (4, 412)
        case .conflict: (4, 409)
        case .unavailable: (75, 503)
        case .storageFull: (74, 507)
        case .internal: (1, 500)
        }
    }

    /// The class of `error`: its own when it is one of rollout's errors, else internal.
    package init(of error: any Error) {
        self = (error as? any ClassifiedError)?.failure ?? .internal
    }
}
