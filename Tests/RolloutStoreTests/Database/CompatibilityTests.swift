import Foundation
import GRDB
import RolloutCore
import RolloutStore
import XCTest

/// A database written by an earlier release (`Fixtures/compat/release-1.sqlite`,
/// made by `main` at 1df4080 before the entry detail became a typed value)
/// must still verify, byte for byte, with the head it had then.
final class CompatibilityTests: XCTestCase {
    static let releaseOneHead = "fb9cb23ce6bdb743ffac7b7f42464048398792732404b769ea330ba772c669ec"

    private func copyOfReleaseOne() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-compat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("release-1.sqlite").path
        try FileManager.default.copyItem(
            atPath: TemporaryStore.repository.appendingPathComponent("Fixtures/compat/release-1.sqlite").path, toPath: path)
        return (folder, path)
    }

    func testADatabaseWrittenByReleaseOneVerifiesWithItsPinnedHead() throws {
        let (folder, path) = try copyOfReleaseOne()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(path: path)
        let verification = try store.verify(expectHead: Self.releaseOneHead)
        XCTAssertTrue(verification.passed, verification.failure?.description ?? "")
        XCTAssertEqual(verification.entries, 144)
        XCTAssertEqual(verification.head, Self.releaseOneHead)
    }

    func testEveryStoredDetailReencodesToItsStoredBytes() throws {
        let (folder, path) = try copyOfReleaseOne()
        defer { try? FileManager.default.removeItem(at: folder) }
        let entries = try Store.open(path: path).allEntries()
        let stored = try DatabaseQueue(path: path).read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT seq, detail FROM entries").map { ($0[0] as Int64, $0[1] as String) })
        }
        var kinds = Set<EntryKind>(), keys = Set<String>()
        for entry in entries {
            XCTAssertEqual(entry.detail.canonical.text, stored[entry.seq], "entry #\(entry.seq)")
            XCTAssertEqual(entry.expectedHash, entry.hash, "entry #\(entry.seq)")
            XCTAssertTrue(entry.detail.other.isEmpty, "entry #\(entry.seq) has members the typed detail does not name: \(entry.detail.other)")
            kinds.insert(entry.kind)
            keys.formUnion(entry.detail.members.keys)
        }
        // The fixture exercises every kind and every member the release wrote.
        XCTAssertEqual(kinds, Set(EntryKind.allCases))
        XCTAssertEqual(keys, ["name", "role", "office", "reverses", "problem", "action", "reason", "message", "attempt", "targets"])
    }

    func testMembersATypedDetailDoesNotNameAreKeptSoForeignEntriesHashAsStored() {
        let members = ["reason": "wrong_role", "zz_future": "值", "a": ""]
        let detail = EntryDetail(members: members)
        XCTAssertEqual(detail.members, members)
        XCTAssertEqual(detail.other, ["zz_future": "值", "a": ""])
        var bytes: [UInt8] = []
        detail.writeCanonicalBytes(into: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), #"{"a":"","reason":"wrong_role","zz_future":"值"}"#)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), detail.canonical.text)
    }
}
