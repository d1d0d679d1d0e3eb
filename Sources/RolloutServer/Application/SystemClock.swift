import Foundation
import RolloutCore

/// The system clock, to the second: the only clock a real server or a
/// command on a real district's database reads.
package struct SystemClock: WallClock {
    package init() {}

    package func now() -> Timestamp {
        Timestamp(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
