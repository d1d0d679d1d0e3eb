/// A problem with the track it belongs to.
package struct ProblemRecord: Equatable, Sendable {
    package var batch: String
    package var office: String
    package var problem: Problem

    package init(batch: String, office: String, problem: Problem) {
        self.batch = batch
        self.office = office
        self.problem = problem
    }
}
