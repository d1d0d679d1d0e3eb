import RolloutCore
import RolloutStore

/// The lines a page shows once after a form is sent (post/redirect/get):
/// kept with the session in the database, so that any server behind one
/// address shows them. A message lost loses nothing recorded: every outcome
/// is also in the history.
extension RolloutService {
    /// Leaves `messages` for the next page the session `id` is shown.
    package func leaveMessages(_ messages: [(text: String, error: Bool)], forSession id: String, at now: Timestamp) throws {
        try store.leaveFlashMessages(sessionHash: Secrets.digest(id), messages, at: now)
    }

    /// The messages waiting for the session `id`, oldest first; each is given once.
    package func takeMessages(forSession id: String) throws -> [(text: String, error: Bool)] {
        try store.takeFlashMessages(sessionHash: Secrets.digest(id))
    }
}
