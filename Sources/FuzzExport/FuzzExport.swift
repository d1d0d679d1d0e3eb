import Foundation
import TestSupport

// Fuzz target for `rollout audit verify --file` (`FuzzChecks.export`): the input is an export file.
//
// Built by `scripts/fuzz.sh` (ROLLOUT_FUZZING=1, which defines FUZZING), `main`
// hands over to libFuzzer's driver. In the ordinary build this is a replayer
// instead: `FuzzExport FILE|FOLDER...` runs each file through the same check.

/// The entry point of the export fuzz target.
@main
enum FuzzExport {
    static func main() {
        #if FUZZING
        exit(LibFuzzer.run { FuzzChecks.export($0) })
        #else
        let inputs = FuzzChecks.inputs(CommandLine.arguments.dropFirst())
        for input in inputs { FuzzChecks.export(input.bytes) }
        print("FuzzExport: \(inputs.count) inputs replayed")
        #endif
    }
}
