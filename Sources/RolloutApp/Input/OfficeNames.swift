import RolloutCore

extension RolloutService {
    /// The offices named: ids or Chinese names, several in one string with
    /// commas, `all` for every office (in plan order); repeats are dropped.
    /// Empty when none is named.
    package func offices(named names: [String]) throws -> [Office] {
        let names = names.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        if names.contains("all") { return plan.offices }
        var seen = Set<String>()
        return try names.map { try self.names.office($0) }.filter { seen.insert($0.id).inserted }
    }

    /// Exactly one office.
    package func office(named names: [String]) throws -> Office {
        let offices = try offices(named: names)
        guard offices.count == 1, let office = offices.first else {
            throw InputError(offices.isEmpty ? "name the office with --office" : "this command takes one office; \(offices.count) were named")
        }
        return office
    }
}
