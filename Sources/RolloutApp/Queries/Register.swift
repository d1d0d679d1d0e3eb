import RolloutCore
import RolloutStore

extension RolloutService {
    /// Everyone on the register.
    package func people() throws -> [Person] {
        try store.people()
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
}
