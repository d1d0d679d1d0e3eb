import Foundation
import GRDB
import XCTest
import RolloutCore
@testable import RolloutStore

/// `Store.verify` in this process, over a history long enough that several
/// chunks pass between its reading and its replaying thread: the part of the
/// suite `scripts/sanitize.sh` runs under ThreadSanitizer to check the two
/// threads share nothing unguarded, whichever of them finds a failure first.
final class VerificationThreadsTests: XCTestCase, EngineParameterised {
    var temporary: TemporaryStore!

    /// 7,000 registrations after the 4 of `TemporaryStore`: four chunks of 2,048 entries and a partial one.
    private func register(_ temporary: TemporaryStore) throws {
        let staff = (1...7_000).map { Action.addPerson(name: "staff-\($0)", role: .office, office: "jiefangbei") }
        _ = try temporary.store.perform(staff, as: "王敏", at: TemporaryStore.moment("2026-08-02"))
    }

    func testALongHistoryVerifiesAcrossBothThreads() throws {
        try onEachEngine(prepare: register) {
            for _ in 0..<3 {
                let verification = try Store.open(path: temporary.path).verify()
                XCTAssertNil(verification.failure)
                XCTAssertEqual(verification.entries, 7_004)
            }
        }
    }

    func testAFailureFoundByEitherThreadStopsTheOtherAndIsNamed() throws {
        try onEachEngine(prepare: register) {
            // Entry 6,000 is hash-checked on the replay thread (a multiple of 3), 5,000 on the reading thread.
            try temporary.tamper("UPDATE entries SET note = '改过' WHERE seq = 6000")
            var verification = try Store.open(path: temporary.path).verify()
            XCTAssertEqual(verification.failure?.entry, 6_000, "\(verification.failure?.description ?? "passed")")
            XCTAssertEqual(verification.entries, 5_999)
            try temporary.tamper("UPDATE entries SET note = '改过' WHERE seq = 5000")
            verification = try Store.open(path: temporary.path).verify()
            XCTAssertEqual(verification.failure?.entry, 5_000, "\(verification.failure?.description ?? "passed")")
            // A registration replay refuses (the actor is not registered) early, while the reader still streams.
            try temporary.tamper("UPDATE entries SET actor = '陌生人' WHERE seq = 10")
            verification = try Store.open(path: temporary.path).verify()
            XCTAssertEqual(verification.failure?.entry, 10, "\(verification.failure?.description ?? "passed")")
        }
    }
}
