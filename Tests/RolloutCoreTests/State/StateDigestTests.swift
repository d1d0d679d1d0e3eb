import Testing
@testable import RolloutCore

/// The fingerprint verification compares instead of loading the stored state beside the replay.
@Suite struct StateDigestTests {
    private func date(_ text: String) -> LocalDate { LocalDate(text) ?? LocalDate.fromDayNumber(0) }

    private func state(order: [String], liveEntry: Int64 = 9) -> RolloutState {
        var state = RolloutState()
        state.people["王敏"] = Person(name: "王敏", role: .coordinator, office: nil)
        for office in order {
            let key = TrackKey(batch: "batch1", office: office)
            state.tracks.update(key) {
                $0.completions["network_built"] = Completion(entry: 3, effective: date("2026-08-04"))
                $0.completions["live"] = Completion(entry: liveEntry, effective: date("2026-09-01"))
            }
        }
        state.tracks.update(TrackKey(batch: "batch1", office: "daping")) {
            $0.blockChanges.append(BlockChange(entry: 12, blocked: true, effective: date("2026-09-02"), reason: "网络中断"))
        }
        return state
    }

    @Test func equalStatesHaveEqualDigestsWhateverTheOrder() {
        #expect(StateDigest(of: state(order: ["daping", "jiefangbei"])) == StateDigest(of: state(order: ["jiefangbei", "daping"])))
    }

    @Test func anyDifferenceChangesTheDigest() {
        let reference = StateDigest(of: state(order: ["daping", "jiefangbei"]))
        #expect(StateDigest(of: state(order: ["daping", "jiefangbei"], liveEntry: 10)) != reference)
        #expect(StateDigest(of: state(order: ["daping"])) != reference)
        var unreadable = reference
        unreadable.markUnreadable()
        #expect(unreadable != reference)
    }
}
