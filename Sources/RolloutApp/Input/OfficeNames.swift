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
            let count = offices.count
            throw InputError(.office) { count == 0 ? "name the office with \($0(.office))" : "this command takes one office; \(count) were named" }
        }
        return office
    }
}
