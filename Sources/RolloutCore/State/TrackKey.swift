/// Identifies one office's rollout of one batch.
public struct TrackKey: Hashable, Sendable {
    public var batch: String
    public var office: String

    public init(batch: String, office: String) {
        self.batch = batch
        self.office = office
    }
}
