import RolloutCore

/// The plan data built into the binary: `Fixtures/yuzhong`, embedded at build time.
package enum FixtureFiles {
    /// The embedded `Fixtures/yuzhong` files.
    package static var embedded: [String: [UInt8]] {
        Dictionary(EmbeddedYuzhong.files.map { ($0.name, Array($0.contents.utf8)) }, uniquingKeysWith: { first, _ in first })
    }
}
