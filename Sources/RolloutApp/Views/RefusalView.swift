import RolloutCore

/// The JSON form of a refused attempt (`refusals --json`, `GET /api/v1/refusals`).
package struct RefusalView: Encodable {
    package var entry: Int64
    package var recordedAt: String
    package var effective: String
    package var actor: String
    package var role: String
    package var action: String
    package var batch: String?
    package var office: String?
    package var milestone: String?
    package var reason: String
    package var message: String

    package init(_ entry: Entry) {
        self.entry = entry.seq
        recordedAt = entry.recordedAt
        effective = entry.effective.description
        actor = entry.actor
        role = entry.actorRole.rawValue
        action = entry.detail.action ?? ""
        batch = entry.batch
        office = entry.office
        milestone = entry.milestone
        reason = entry.detail.reason ?? ""
        message = entry.detail.message ?? ""
    }
}
