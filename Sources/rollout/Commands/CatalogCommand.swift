import ArgumentParser
import RolloutApp
import RolloutCore

/// `rollout catalog`: list and show the items of the plan in force.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List the 53 items (or one item in full), filtered by batch, area, unit, section or level."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Show one item in full, by number.")
    var number: Int?

    @Option(name: .long, help: "Only this batch (id, number or label).")
    var batch: String?

    @Option(name: .long, help: "Only this area, e.g. 社会保险 or 就业创业.")
    var area: String?

    @Option(name: .long, help: "Only items whose unit contains this text.")
    var unit: String?

    @Option(name: .long, help: "Only items with a section containing this text.")
    var section: String?

    @Option(name: .long, help: "Only items a level takes part in: community, street, district, bank (or 社区, 街道, 区级, 银行).")
    var level: String?

    @Option(name: .customLong("accepted-at"), help: "Only items an applicant can start at this level.")
    var acceptedAt: String?

    @Option(name: .customLong("fully-at"), help: "Only items handled entirely at this level.")
    var fullyAt: String?

    func run() throws {
        try reporting {
            let service = try database.openToRead()
            let plan = service.plan
            if let number {
                let item = try service.item(number: number)
                if output.json { try JSONOutput.print(item) } else { print(detail(of: item, plan: plan)) }
                return
            }
            let items = try service.items(
                CatalogRequest(batch: batch, area: area, unit: unit, section: section, level: level, acceptedAt: acceptedAt, fullyAt: fullyAt))
            if output.json { try JSONOutput.print(items); return }
            var table = TextTable("No.", "Batch", "Item 事项名称", "Depth 办理深度")
            for item in items { table.add(String(item.number), item.batch, item.name, item.depth.text) }
            print(table.rendered)
            print("\(items.count) of \(plan.items.count) items")
        }
    }

    private func detail(of item: Item, plan: Plan) -> String {
        let batchLabel = plan.batch(id: item.batch).map { "\($0.id) (\($0.label))" } ?? item.batch
        var lines = [
            "\(item.number). \(item.name)",
            "  area 业务领域:      \(item.area)",
            "  depth 办理深度:     \(item.depth.text)",
        ]
        for (index, channel) in item.depth.channels.enumerated() {
            let steps = channel.map { step in
                let levels = step.levels.map(\.rawValue).joined(separator: "/") + (step.qualifier.map { "[\($0)]" } ?? "")
                return "\(levels): " + step.actions.map(\.rawValue).joined(separator: "+")
            }
            lines.append("    channel \(index + 1): " + steps.joined(separator: " → "))
        }
        lines += [
            "  unit 责任单位:      \(item.unit)",
            "  sections 责任科室:  \(item.sections.joined(separator: "、"))",
            "  batch 延伸情况:     \(batchLabel)",
            "  remarks 备注:       \(item.remarks.isEmpty ? "-" : item.remarks)",
        ]
        return lines.joined(separator: "\n")
    }
}
