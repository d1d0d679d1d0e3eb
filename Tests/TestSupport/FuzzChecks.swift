import Foundation
import RolloutCore

/// The properties the fuzz targets (`Sources/FuzzExport`, `Sources/FuzzPlanLoader`)
/// check for each input, shared with the test suite, which replays the committed
/// corpus (`Fixtures/fuzz/`) and every crash the fuzzer found through the same checks.
/// A broken property traps, which is what libFuzzer reports as a crash.
package enum FuzzChecks {
    /// The input as an export file, verified as `rollout audit verify --file`
    /// does: it must end as a `Verification`, and every line the strict parser
    /// accepts must read back unchanged from its canonical text.
    @discardableResult
    package static func export(_ bytes: [UInt8]) -> Verification? {
        let verification = try? ExportVerifier.verify(expectHead: nil) { each in
            try LineSplitter.forEachLine(in: bytes, each)
        }
        try? LineSplitter.forEachLine(in: bytes) { line, _ in
            guard let value = try? CanonicalJSONParser.parse(bytes: line) else { return }
            let again = try? CanonicalJSONParser.parse(bytes: Array(value.text.utf8))
            precondition(again == value, "a parsed line does not read back from its canonical text: \(value.text.prefix(200))")
        }
        return verification
    }

    /// The input as a fixture folder: `plan.json`, `offices.json` and
    /// `items.json` separated by NUL bytes (a missing part is a missing file).
    /// It must load or be refused with a `PlanError` naming one of the files,
    /// and a loaded plan must read back unchanged from its stored document.
    @discardableResult
    package static func planLoader(_ bytes: [UInt8]) -> Result<Plan, PlanError> {
        let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        var files: [String: [UInt8]] = [:]
        for (name, part) in zip(PlanLoader.fileNames, parts) { files[name] = Array(part) }
        let result = Result { () throws(PlanError) -> Plan in try PlanLoader.load(files: files) }
        switch result {
        case .success(let plan):
            let document = PlanDocument.encode(plan)
            precondition(
                (try? PlanDocument.decode(document)).map(PlanDocument.encode) == document, "a loaded plan does not read back from its document")
        case .failure(let error):
            precondition(PlanLoader.fileNames.contains(error.file) && !error.message.isEmpty, "a refusal that names no fixture file: \(error)")
        }
        return result
    }

    /// The bytes of each file at `paths`, folders expanded to their files (sorted), for replaying a corpus.
    package static func inputs(_ paths: some Sequence<String>) -> [(path: String, bytes: [UInt8])] {
        var found: [(path: String, bytes: [UInt8])] = []
        for path in paths {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
                found += inputs(names.sorted().map { path + "/" + $0 })
            } else if let data = FileManager.default.contents(atPath: path) {
                found.append((path, [UInt8](data)))
            }
        }
        return found
    }
}

#if FUZZING
/// libFuzzer's driver, for fuzz targets whose `main` SwiftPM names itself.
package enum LibFuzzer {
    nonisolated(unsafe) private static var check: ([UInt8]) -> Void = { _ in }

    /// Runs libFuzzer with the process's arguments, calling `check` with each input; returns its exit status.
    package static func run(_ check: @escaping ([UInt8]) -> Void) -> Int32 {
        LibFuzzer.check = check
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            LibFuzzer.check(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif
