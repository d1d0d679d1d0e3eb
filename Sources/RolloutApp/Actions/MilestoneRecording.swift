import RolloutCore
import RolloutStore

/// A milestone to record, as typed: for the district, one office, several or `all`.
package struct MilestoneRecording: Sendable {
    /// The milestone id.
    package var milestone: String
    /// The batch: id, number or label.
    package var batch: String
    /// Offices by id or Chinese name, `all`, or none for a district-wide milestone.
    package var offices: [String]
    package var note: String
    /// Files offered as evidence: their bytes are kept with the entries.
    package var evidence: [EvidenceUpload]
    package var write: WriteInput

    package init(
        milestone: String, batch: String, offices: [String] = [], note: String = "", evidence: [EvidenceUpload] = [],
        write: WriteInput = WriteInput()
    ) {
        self.milestone = milestone
        self.batch = batch
        self.offices = offices
        self.note = note
        self.evidence = evidence
        self.write = write
    }
}

extension RolloutService {
    /// Records a milestone. With several offices the allowed ones are recorded
    /// and the refused ones recorded as refusals, all with one bulk id.
    package func record(_ request: MilestoneRecording, by actor: Identity, at clock: some WallClock) throws -> ActionResult {
        let milestone = try names.milestone(request.milestone)
        let batch = try names.batch(request.batch)
        let date = try request.write.effectiveDate()
        try NoteText.check(request.note)
        let id = milestone.id
        if milestone.scope == .district, !request.offices.isEmpty {
            throw InputError(.office) { "\(id) is recorded once for the whole district; do not pass \($0(.office))" }
        }
        let files = try request.evidence.map { try $0.checked() }
        let evidence = zip(request.evidence, files).map { upload, file in file.evidence(name: upload.name) }
        let targets: [String?] = milestone.scope == .district ? [nil] : try offices(named: request.offices).map(\.id)
        if targets.isEmpty { throw InputError(.office) { "\(id) is recorded per office; pass \($0(.office)) (an id, a list, or all)" } }
        return try perform(by: actor, at: clock, write: request.write, evidence: files) { moment in
            targets.map {
                Action.record(
                    milestone: milestone.id, batch: batch.id, office: $0, effective: date ?? moment.today, note: request.note,
                    evidence: evidence)
            }
        }
    }

    /// Performs checked actions in one transaction: the one write path of every
    /// use case. The recording time is read from `clock` once the write lock is
    /// held, and `actions` are made for it (an effective date left out is its day).
    func perform(
        by actor: Identity, at clock: some WallClock, write: WriteInput, evidence: [EvidenceContent] = [],
        _ actions: (Moment) throws -> [Action]
    ) throws -> ActionResult {
        var options = try write.options()
        options.authentication = actor.authentication
        options.evidence = evidence
        let outcomes = try store.perform(recordingBy: clock, options: options) { moment in
            try actions(moment).map { Store.Request(actor: actor.login, action: $0) }
        }
        return ActionResult(outcomes: outcomes, dryRun: options.dryRun)
    }
}
