import Foundation
import RolloutCore

/// The system clock, to the second: the only clock a real server reads.
package enum SystemClock {
    @Sendable package static func now() -> Timestamp {
        Timestamp(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
