import RolloutCore
import ArgumentParser
import Foundation
import RolloutApp

/// `--as`: who acts, else `ROLLOUT_ACTOR`.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "The registered person acting (default: $ROLLOUT_ACTOR).")
    var actor: String?

    func name() throws -> String {
        guard let name = actor ?? ProcessInfo.processInfo.environment["ROLLOUT_ACTOR"], !name.isEmpty else {
            throw InputError("who is acting? pass --as NAME or set ROLLOUT_ACTOR to a registered person")
        }
        return name
    }

    /// The person named, as the application layer knows them.
    func resolve(in service: RolloutService) throws -> Identity {
        try service.actor(named: name())
    }
}
