import Foundation

/// The correction guard: which entries may be reversed, and which others must
/// be reversed with them.
extension Rules {
    func correct(_ targets: [Entry], effective: LocalDate, reason: String) throws -> [EntryDraft] {
        guard !targets.isEmpty else { throw InvalidAction("name at least one entry to correct") }
        try requireNonEmpty(reason, "the reason for the correction")
        for target in targets where !target.kind.isCorrectable {
            throw InvalidAction("entry #\(target.seq) is a \(target.kind.rawValue) entry; only milestones, problems and blocks can be reversed")
        }
        try requireRole(.coordinator, toDo: "correct entries", office: nil)
        let named = Set(targets.map(\.seq))
        var missing: [String] = []
        for target in targets {
            try requireInEffect(target)
            for dependant in dependants(of: target) where !named.contains(dependant.entry) {
                missing.append("#\(dependant.entry) \(dependant.what)")
            }
        }
        if !missing.isEmpty {
            throw Refusal(
                .dependantsNotReversed,
                "other entries depend on what you reverse; reverse them in the same command: \(missing.joined(separator: "; "))")
        }
        return targets.map { target in
            return EntryDraft(
                kind: .correction, batch: target.batch, office: target.office, milestone: target.milestone,
                target: target.seq, actor: actor.name, actorRole: actor.role, effective: effective, note: reason,
                detail: .reversal(of: target.kind, problem: target.kind == .problemResolved ? target.target : nil))
        }
    }

    /// Refuses unless the entry's effect is still the current state (not
    /// reversed already, not superseded by a later block change).
    private func requireInEffect(_ target: Entry) throws {
        let track = target.trackKey.map { state.track(batch: $0.batch, office: $0.office) } ?? Track()
        let inEffect: Bool
        switch target.kind {
        case .milestone:
            let completion =
                target.office == nil
                ? target.batch.flatMap { batch in target.milestone.flatMap { state.district[batch]?[$0] } }
                : target.milestone.flatMap { track.completions[$0] }
            inEffect = completion?.entry == target.seq
        case .blocked: inEffect = track.block?.entry == target.seq
        case .unblocked: inEffect = track.blockChanges.last?.entry == target.seq && !(track.blockChanges.last?.blocked ?? true)
        case .problemOpened: inEffect = track.problems[target.seq] != nil
        case .problemResolved: inEffect = target.target.flatMap { track.problems[$0]?.resolution?.entry } == target.seq
        case .correction, .personAdded, .personRemoved, .refused: inEffect = false
        }
        guard inEffect else {
            throw Refusal(
                .notInEffect,
                "entry #\(target.seq) (\(target.kind.rawValue)) is no longer in effect: it was already reversed or superseded by a later entry")
        }
    }

    /// Entries in effect that would lose their ground if `target` were reversed.
    func dependants(of target: Entry) -> [(entry: Int64, what: String)] {
        guard let batch = target.batch else { return [] }
        switch target.kind {
        case .milestone:
            guard let milestoneID = target.milestone else { return [] }
            let affected = plan.dependants(of: milestoneID)
            var result: [(Int64, String)] = []
            if target.office == nil {
                for (other, completion) in state.district[batch] ?? [:] where affected.contains(other) {
                    result.append((completion.entry, "\(other) district-wide"))
                }
            }
            let keys = state.tracks.tracks(inBatch: batch).keys
                .filter { target.office == nil || $0 == target.office }
                .sorted()
                .map { TrackKey(batch: batch, office: $0) }
            for key in keys {
                let track = state.track(batch: key.batch, office: key.office)
                var onTrack = affected.compactMap { id in track.completions[id].map { ($0.entry, "\(id) for \(officeName(key.office))") } }
                let liveLost = affected.contains(plan.followUp.after) || milestoneID == plan.followUp.after
                if liveLost {
                    for problem in track.problems.values {
                        onTrack.append((problem.id, "problem at \(officeName(key.office))"))
                        if let resolution = problem.resolution { onTrack.append((resolution.entry, "resolution of problem #\(problem.id)")) }
                    }
                }
                result += onTrack
            }
            return result.sorted { $0.0 < $1.0 }
        case .problemOpened:
            let track = target.trackKey.map { state.track(batch: $0.batch, office: $0.office) } ?? Track()
            return track.problems[target.seq]?.resolution.map { [($0.entry, "resolution of problem #\(target.seq)")] } ?? []
        case .problemResolved, .blocked, .unblocked, .correction, .personAdded, .personRemoved, .refused:
            return []
        }
    }
}

extension Engine {
    /// The entries in effect that a correction of `target` must reverse too (what depends on it), for a page to list them first.
    package func dependants(of target: Entry, in state: RolloutState) -> [(entry: Int64, what: String)] {
        Rules(engine: self, state: state, actor: Person(name: "", role: .coordinator, office: nil), today: target.effective).dependants(of: target)
    }
}
