import RolloutWeb

/// Messages a form post leaves for the page it redirects to, per session,
/// shown once. Kept in memory: a message lost to a restart loses nothing
/// recorded, since every outcome is also in the history.
actor FlashMessages {
    /// One message: what happened, or why not; the frame of the next page shows it.
    typealias Message = PageFrame.Message

    private var waiting: [String: [Message]] = [:]
    /// Sessions with messages waiting, oldest first, to bound the memory kept.
    private var order: [String] = []
    private let maximumSessions = 10_000

    func add(_ message: Message, session: String) {
        if waiting[session] == nil {
            order.append(session)
            if order.count > maximumSessions { waiting[order.removeFirst()] = nil }
        }
        waiting[session, default: []].append(message)
    }

    func take(session: String) -> [Message] {
        guard let messages = waiting.removeValue(forKey: session) else { return [] }
        order.removeAll { $0 == session }
        return messages
    }
}
