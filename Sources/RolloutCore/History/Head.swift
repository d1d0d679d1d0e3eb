/// The end of the chain: how many entries there are and the last hash.
package struct Head: Equatable, Sendable {
    package var count: Int64
    package var hash: String

    package init(count: Int64, hash: String) {
        self.count = count
        self.hash = hash
    }
}
