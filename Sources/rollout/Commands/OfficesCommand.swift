import ArgumentParser
import RolloutApp
import RolloutCore

/// `rollout offices`: the street offices of the plan in force.
struct OfficesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "offices", abstract: "List the street offices.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reporting {
            let plan = try database.openToRead().plan
            if output.json { try JSONOutput.print(plan.offices); return }
            var table = TextTable("Id", "Name 街道")
            for office in plan.offices { table.add(office.id, office.name) }
            print(table.rendered)
            print("\(plan.offices.count) offices in \(plan.district)")
        }
    }
}
