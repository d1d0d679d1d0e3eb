/// Identifies one office's rollout of one batch.
package struct TrackKey: Hashable, Sendable {
    package var batch: String
    package var office: String

    package init(batch: String, office: String) {
        self.batch = batch
        self.office = office
    }
}
