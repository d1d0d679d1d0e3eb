import ArgumentParser
import RolloutApp
import RolloutCore

/// `rollout graph`: the milestone graph as Mermaid (default) or DOT.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Print the milestone graph as Mermaid or Graphviz DOT.")

    /// The notation to print.
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
            let service = try database.openToRead()
            let plan = service.plan
            let reached = try batch.map { try service.reached(batch: $0) }
            print(format == .mermaid ? MilestoneGraph.mermaid(plan, reached: reached) : MilestoneGraph.dot(plan, reached: reached), terminator: "")
        }
    }
}
