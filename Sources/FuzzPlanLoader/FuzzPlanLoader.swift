import Foundation
import TestSupport

// Fuzz target for the fixture loader (`FuzzChecks.planLoader`): the input is
// `plan.json`, `offices.json` and `items.json` separated by NUL bytes.
//
// Built by `scripts/fuzz.sh` (which defines FUZZING), `main` hands over to
// libFuzzer's driver. In the ordinary build this is a replayer instead:
// `FuzzPlanLoader FILE|FOLDER...` runs each file through the same check.

/// The entry point of the fixture-loader fuzz target.
@main
enum FuzzPlanLoader {
    static func main() {
        #if FUZZING
        exit(LibFuzzer.run { FuzzChecks.planLoader($0) })
        #else
        let inputs = FuzzChecks.inputs(CommandLine.arguments.dropFirst())
        for input in inputs { FuzzChecks.planLoader(input.bytes) }
        print("FuzzPlanLoader: \(inputs.count) inputs replayed")
        #endif
    }
}
