import ArgumentParser
import RolloutCore
import RolloutStore

/// `rollout graph`: the milestone graph as Mermaid (default) or DOT.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Print the milestone graph as Mermaid or Graphviz DOT.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case mermaid, dot
    }

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "mermaid or dot.")
    var format: Format = .mermaid

    @Option(name: .long, help: "Annotate each milestone with how many offices reached it in this batch.")
    var batch: String?

    func run() throws {
        try reporting {
            let store = try database.open()
            let plan = store.plan
            var reached: MilestoneGraph.Reached?
            if let batch {
                let batchID = try NameResolver(plan: plan).batch(batch).id
                let state = try store.currentState(batches: [batchID])
                reached = Dictionary(uniqueKeysWithValues: plan.milestones.map { milestone in
                    (milestone.id, plan.offices.filter { state.completion(of: milestone, batch: batchID, office: $0.id) != nil }.count)
                })
            }
            print(format == .mermaid ? MilestoneGraph.mermaid(plan, reached: reached) : MilestoneGraph.dot(plan, reached: reached), terminator: "")
        }
    }
}
