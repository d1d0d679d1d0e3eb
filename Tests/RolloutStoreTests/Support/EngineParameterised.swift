import XCTest
import TestSupport

/// A test case whose tests run once on each engine available (`TestEngine.available`),
/// each time on a fresh `TemporaryStore`.
protocol EngineParameterised: XCTestCase {
    var temporary: TemporaryStore! { get set }
}

extension EngineParameterised {
    /// Runs `body` on each engine in turn, after `prepare` on the fresh store; a failure names the engine.
    func onEachEngine(prepare: (TemporaryStore) throws -> Void = { _ in }, _ body: () throws -> Void) throws {
        for engine in try TestEngine.available() {
            temporary = try TemporaryStore(engine: engine)
            defer { temporary.remove() }
            do {
                try prepare(temporary)
                try body()
            } catch {
                XCTFail("on \(engine.rawValue): \(error)")
                throw error
            }
        }
    }
}
