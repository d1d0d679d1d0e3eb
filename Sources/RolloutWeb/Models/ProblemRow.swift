import RolloutCore

/// One open problem in words.
package struct ProblemRow: Sendable {
    let id: Int64
    let batch: String
    let office: String
    let opened: String
    let note: String

    package init(_ record: ProblemRecord, plan: Plan) {
        id = record.problem.id
        batch = record.batch
        office = plan.office(id: record.office)?.name ?? record.office
        opened = record.problem.opened.description
        note = record.problem.note
    }
}
