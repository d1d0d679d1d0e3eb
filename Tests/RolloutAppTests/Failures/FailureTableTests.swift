import Foundation
import RolloutApp
import RolloutCore
import RolloutStore
import TestSupport
import XCTest

/// One error language: every error has a class, and the class gives the
/// CLI's exit code and the server's HTTP status from one table, which
/// `docs/cli.md` and `docs/openapi.yaml` show as it is.
final class FailureTableTests: XCTestCase {
    /// The rows `| \`class\` | exit | HTTP |` of a document, by class.
    private func table(in document: String) throws -> [String: (exit: Int32, status: Int)] {
        let text = try String(contentsOf: Repository.root.appendingPathComponent(document), encoding: .utf8)
        var rows: [String: (exit: Int32, status: Int)] = [:]
        for line in text.split(separator: "\n") {
            let cells = line.trimmingCharacters(in: .whitespaces).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0].hasPrefix("`"), let exit = Int32(cells[1]), let status = Int(cells[2]) else { continue }
            rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = (exit, status)
        }
        return rows
    }

    func testTheDocumentedTablesAreTheOneTheFrontEndsRead() throws {
        for document in ["docs/cli.md", "docs/openapi.yaml"] {
            let documented = try table(in: document)
            XCTAssertEqual(Set(documented.keys), Set(Failure.allCases.map(\.rawValue)), document)
            for failure in Failure.allCases {
                XCTAssertEqual(documented[failure.rawValue]?.exit, failure.codes.exit, "\(document): \(failure)")
                XCTAssertEqual(documented[failure.rawValue]?.status, failure.codes.status, "\(document): \(failure)")
            }
        }
    }

    func testEveryKindOfErrorHasItsClass() {
        let samples: [(any Error, Failure)] = [
            (InputError("invalid date"), .badInput),
            (InvalidAction("unknown office \"x\""), .badInput),
            (StoreError.invalid(InvalidAction("x")), .badInput),
            (StoreError.noDatabase(path: "x.sqlite"), .notFound),
            (StoreError.unknownEntry(seq: 9, count: 3), .notFound),
            (SignInRefused.wrongCredentials, .notSignedIn),
            (PermissionDenied("only a coordinator may"), .notAllowed),
            (StoreError.unknownPerson(name: "x", known: []), .notAllowed),
            (SignInRefused.throttled(until: "10:00"), .throttled),
            (StoreError.stale(expected: "3", actual: "4"), .stale),
            (StoreError.idempotencyConflict(key: "k", existing: 2), .conflict),
            (StoreError.clockBehind(now: "a", head: "b", seq: 1), .conflict),
            (StoreError.busy(path: "x"), .unavailable),
            (StoreError.unavailable(path: "x", why: "down"), .unavailable),
            (StoreError.diskFull(path: "x"), .storageFull),
            (StoreError.sqlite("disk image is malformed"), .internal),
            (CocoaError(.fileReadUnknown), .internal),
        ]
        for (error, failure) in samples { XCTAssertEqual(Failure(of: error), failure, "\(error)") }
        XCTAssertEqual(Set(samples.map(\.1)), Set(Failure.allCases), "a sample for every class")
    }
}
