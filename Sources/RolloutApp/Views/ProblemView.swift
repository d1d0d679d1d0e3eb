import RolloutCore
import RolloutStore

/// The JSON form of a problem.
package struct ProblemView: Encodable {
    package var id: Int64
    package var batch: String
    package var office: String
    package var opened: String
    package var note: String
    package var resolvedBy: Int64?
    package var resolved: String?
    package var resolution: String?

    package init(_ record: ProblemRecord) {
        id = record.problem.id
        batch = record.batch
        office = record.office
        opened = record.problem.opened.description
        note = record.problem.note
        resolvedBy = record.problem.resolution?.entry
        resolved = record.problem.resolution?.effective.description
        resolution = record.problem.resolution?.note
    }
}
