import RolloutCore
import RolloutStore

/// The JSON form of `db copy`: where the verified copy ends.
package struct CopyView: Encodable {
    package var entries: Int64
    package var head: String

    package init(_ head: Head) {
        entries = head.count
        self.head = head.hash
    }
}
