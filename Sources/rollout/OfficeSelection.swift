import ArgumentParser
import RolloutCore

/// `--office`: one office, a comma-separated list, repeated options, or `all`.
struct OfficeSelection: ParsableArguments {
    @Option(name: .long, help: "Office id or Chinese name; several with commas or repeated; `all` for every office.")
    var office: [String] = []

    /// The offices named, in plan order for `all`, else as given; empty when none named.
    func resolve(_ plan: Plan) throws -> [Office] {
        let names = office.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        if names.contains("all") { return plan.offices }
        let resolver = NameResolver(plan: plan)
        var seen = Set<String>()
        return try names.map { try resolver.office($0) }.filter { seen.insert($0.id).inserted }
    }

    /// Exactly one office.
    func single(_ plan: Plan) throws -> Office {
        let offices = try resolve(plan)
        guard offices.count == 1, let office = offices.first else {
            throw InputError(offices.isEmpty ? "name the office with --office" : "this command takes one office; \(offices.count) were named")
        }
        return office
    }
}
