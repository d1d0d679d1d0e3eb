/// What the history implies right now: done milestones, blocks, problems and
/// the people register. Always derivable from the entries alone (`Replay`).
package struct RolloutState: Equatable, Sendable {
    /// District-wide completions: batch id → milestone id → completion.
    package var district: [String: [String: Completion]] = [:]
    /// Per (batch, office) progress.
    package var tracks = TrackTable()
    /// Registered people by login.
    package var people: [String: Person] = [:]

    package init() {}

    /// The track of one office in one batch (empty when nothing happened yet).
    package func track(batch: String, office: String) -> Track {
        tracks[TrackKey(batch: batch, office: office)] ?? Track()
    }

    /// The completion of a milestone for an office, looking at district-wide completions too.
    package func completion(of milestone: Milestone, batch: String, office: String) -> Completion? {
        milestone.scope == .district
            ? district[batch]?[milestone.id]
            : track(batch: batch, office: office).completions[milestone.id]
    }

    /// Applies one entry's effect. A correction removes the effect of the entry
    /// it reverses, which the rules guarantee is still in effect, so the result
    /// is the state as if the reversed entry had never happened.
    package mutating func apply(_ entry: Entry) {
        switch entry.kind {
        case .milestone:
            guard let batch = entry.batch, let milestone = entry.milestone else { return }
            let completion = Completion(entry: entry.seq, effective: entry.effective)
            if let office = entry.office {
                tracks.update(TrackKey(batch: batch, office: office)) { $0.completions[milestone] = completion }
            } else {
                district[batch, default: [:]][milestone] = completion
            }
        case .blocked, .unblocked:
            guard let key = entry.trackKey else { return }
            let change = BlockChange(entry: entry.seq, blocked: entry.kind == .blocked, effective: entry.effective, reason: entry.note)
            tracks.update(key) { $0.blockChanges.append(change) }
        case .problemOpened:
            guard let key = entry.trackKey else { return }
            tracks.update(key) { $0.problems[entry.seq] = Problem(id: entry.seq, opened: entry.effective, note: entry.note, resolution: nil) }
        case .problemResolved:
            guard let key = entry.trackKey, let problem = entry.target else { return }
            tracks.update(key) { $0.problems[problem]?.resolution = Resolution(entry: entry.seq, effective: entry.effective, note: entry.note) }
        case .personAdded:
            guard let name = entry.detail.name, let login = entry.detail.personLogin, let role = entry.detail.personRole else { return }
            people[login] = Person(login: login, name: name, role: role, office: entry.office)
        case .personRemoved:
            if let login = entry.detail.personLogin { people[login] = nil }
        case .correction:
            reverse(entry)
        case .refused:
            return
        }
    }

    /// Removes the effect of the entry a correction names (`target`, with its kind in `detail.reverses`).
    private mutating func reverse(_ correction: Entry) {
        guard let target = correction.target, let batch = correction.batch,
            let kind = correction.detail.reversedKind
        else { return }
        let key = correction.office.map { TrackKey(batch: batch, office: $0) }
        switch kind {
        case .milestone:
            guard let milestone = correction.milestone else { return }
            if let key {
                tracks.update(key) { if $0.completions[milestone]?.entry == target { $0.completions[milestone] = nil } }
            } else if district[batch]?[milestone]?.entry == target {
                district[batch]?[milestone] = nil
            }
        case .blocked, .unblocked:
            guard let key, tracks[key]?.blockChanges.last?.entry == target else { return }
            tracks.update(key) { $0.blockChanges.removeLast() }
        case .problemOpened:
            guard let key else { return }
            tracks.update(key) { $0.problems[target] = nil }
        case .problemResolved:
            guard let key, let problem = correction.detail.reopenedProblem else { return }
            tracks.update(key) { if $0.problems[problem]?.resolution?.entry == target { $0.problems[problem]?.resolution = nil } }
        case .correction, .personAdded, .personRemoved, .refused:
            return
        }
    }
}

extension Entry {
    /// The (batch, office) the entry belongs to, when it has both.
    package var trackKey: TrackKey? {
        guard let batch, let office else { return nil }
        return TrackKey(batch: batch, office: office)
    }
}
