import RolloutCore
import RolloutStore

/// A problem found at a live office, as typed.
package struct ProblemReport: Sendable {
    /// The batch: id, number or label.
    package var batch: String
    /// The one office, by id or Chinese name.
    package var office: [String]
    /// What is wrong.
    package var note: String
    /// Files showing it (a photo of the error, say): their bytes are kept with the entry.
    package var evidence: [EvidenceUpload]
    package var write: WriteInput

    package init(batch: String, office: [String], note: String, evidence: [EvidenceUpload] = [], write: WriteInput = WriteInput()) {
        self.batch = batch
        self.office = office
        self.note = note
        self.evidence = evidence
        self.write = write
    }
}

/// The resolution of an open problem, as typed.
package struct ProblemResolution: Sendable {
    /// The problem: the number of the entry that opened it.
    package var problem: Int64
    /// How it was resolved.
    package var note: String
    /// Files showing the fix: their bytes are kept with the entry.
    package var evidence: [EvidenceUpload]
    package var write: WriteInput

    package init(problem: Int64, note: String, evidence: [EvidenceUpload] = [], write: WriteInput = WriteInput()) {
        self.problem = problem
        self.note = note
        self.evidence = evidence
        self.write = write
    }
}

extension RolloutService {
    /// Opens a problem at one office.
    package func openProblem(_ report: ProblemReport, by actor: Identity, at clock: some WallClock) throws -> ActionResult {
        try NoteText.check(report.note)
        let files = try report.evidence.map { try $0.checked() }
        let (batch, office) = (try names.batch(report.batch).id, try office(named: report.office).id)
        let date = try report.write.effectiveDate()
        let evidence = zip(report.evidence, files).map { $1.evidence(name: $0.name) }
        return try perform(by: actor, at: clock, write: report.write, evidence: files) { moment in
            [.openProblem(batch: batch, office: office, effective: date ?? moment.today, note: report.note, evidence: evidence)]
        }
    }

    /// Resolves an open problem.
    package func resolveProblem(_ resolution: ProblemResolution, by actor: Identity, at clock: some WallClock) throws -> ActionResult {
        try NoteText.check(resolution.note)
        let files = try resolution.evidence.map { try $0.checked() }
        let record = try store.problem(id: resolution.problem)
        let date = try resolution.write.effectiveDate()
        let evidence = zip(resolution.evidence, files).map { $1.evidence(name: $0.name) }
        return try perform(by: actor, at: clock, write: resolution.write, evidence: files) { moment in
            [
                .resolveProblem(
                    problem: resolution.problem, batch: record.batch, office: record.office, effective: date ?? moment.today,
                    note: resolution.note, evidence: evidence)
            ]
        }
    }
}
