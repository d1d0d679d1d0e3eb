import Foundation

/// Checks a decoded plan for the mistakes JSON decoding cannot see: unknown or
/// duplicate ids, a cycle in the milestone graph, impossible months.
enum PlanValidator {
    static func validate(_ plan: Plan) throws(PlanError) {
        try validateSettings(plan)
        try validateMilestones(plan.milestones)
        try validateBatches(plan.batches)
        try validateOffices(plan.offices)
        try validateItems(plan.items, batches: plan.batches)
        guard plan.milestone(plan.followUp.after) != nil else {
            throw PlanError(
                file: "plan.json", location: "followUp.after",
                message: "unknown milestone \"\(plan.followUp.after)\"; expected one of \(plan.milestones.map(\.id).joined(separator: ", "))")
        }
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// Refuses an id of plan.json that is not an identifier or repeats one of its list.
    private static func checkNewIdentifier(_ id: String, of kind: String, at location: String, seen: inout Set<String>) throws(PlanError) {
        guard isIdentifier(id) else {
            throw PlanError(
                file: "plan.json", location: location, message: "\"\(id)\" is not a valid id; expected lowercase ASCII letters, digits and _")
        }
        guard seen.insert(id).inserted else {
            throw PlanError(file: "plan.json", location: location, message: "duplicate \(kind) id \"\(id)\"")
        }
    }

    private static func validateSettings(_ plan: Plan) throws(PlanError) {
        guard (1900...2999).contains(plan.year) else {
            throw PlanError(file: "plan.json", location: "year", message: "year \(plan.year) is out of range; expected a year such as 2026")
        }
        guard TimeZone(identifier: plan.timeZone) != nil else {
            throw PlanError(
                file: "plan.json", location: "timeZone",
                message: "unknown time zone \"\(plan.timeZone)\"; expected an IANA name such as Asia/Shanghai")
        }
    }

    private static func validateMilestones(_ milestones: [Milestone]) throws(PlanError) {
        var seen = Set<String>()
        for (index, milestone) in milestones.enumerated() {
            let at = "milestones[\(index)]"
            try checkNewIdentifier(milestone.id, of: "milestone", at: at + ".id", seen: &seen)
        }
        let byID = Dictionary(milestones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, milestone) in milestones.enumerated() {
            for prerequisite in milestone.requires {
                guard let required = byID[prerequisite] else {
                    throw PlanError(
                        file: "plan.json", location: "milestones[\(index)].requires",
                        message:
                            "unknown prerequisite \"\(prerequisite)\" of \(milestone.id); expected one of \(milestones.map(\.id).joined(separator: ", "))"
                    )
                }
                if milestone.scope == .district && required.scope == .office {
                    throw PlanError(
                        file: "plan.json", location: "milestones[\(index)].requires",
                        message: "district-wide milestone \(milestone.id) cannot require per-office milestone \(prerequisite)")
                }
            }
        }
        if let cycle = findCycle(byID: byID, order: milestones.map(\.id)) {
            throw PlanError(
                file: "plan.json", location: "milestones",
                message: "the milestone graph has a cycle: \(cycle.joined(separator: " → ")); prerequisites must form a DAG")
        }
    }

    /// A cycle as a path that starts and ends at the same milestone, or nil.
    private static func findCycle(byID: [String: Milestone], order: [String]) -> [String]? {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var stack: [String] = []
        func visit(_ id: String) -> [String]? {
            if marks[id] == .done { return nil }
            if marks[id] == .visiting, let start = stack.firstIndex(of: id) { return Array(stack[start...]) + [id] }
            marks[id] = .visiting
            stack.append(id)
            for next in byID[id]?.requires ?? [] {
                if let cycle = visit(next) { return cycle }
            }
            stack.removeLast()
            marks[id] = .done
            return nil
        }
        for id in order {
            if let cycle = visit(id) { return cycle }
        }
        return nil
    }

    private static func validateBatches(_ batches: [Batch]) throws(PlanError) {
        var ids = Set<String>(), numbers = Set<Int>()
        for (index, batch) in batches.enumerated() {
            let at = "batches[\(index)]"
            try checkNewIdentifier(batch.id, of: "batch", at: at + ".id", seen: &ids)
            guard numbers.insert(batch.number).inserted else {
                throw PlanError(file: "plan.json", location: at + ".number", message: "duplicate batch number \(batch.number)")
            }
            if batch.alreadyLive { continue }
            for (key, month) in [("prepMonth", batch.prepMonth), ("liveMonth", batch.liveMonth)] {
                guard let month else {
                    throw PlanError(file: "plan.json", location: "\(at).\(key)", message: "missing; a new batch needs a month from 1 to 12")
                }
                guard (1...12).contains(month) else {
                    throw PlanError(file: "plan.json", location: "\(at).\(key)", message: "month \(month) is not a month; expected 1 to 12")
                }
            }
            if let prep = batch.prepMonth, let live = batch.liveMonth, live < prep {
                throw PlanError(
                    file: "plan.json", location: "\(at).liveMonth",
                    message: "go-live month \(live) is before the prep month \(prep); expected the same month or later")
            }
        }
        guard !batches.isEmpty else { throw PlanError(file: "plan.json", location: "batches", message: "no batches; expected at least one") }
    }

    private static func validateOffices(_ offices: [Office]) throws(PlanError) {
        guard !offices.isEmpty else { throw PlanError(file: "offices.json", message: "no offices; expected at least one street office") }
        var ids = Set<String>(), names = Set<String>()
        for (index, office) in offices.enumerated() {
            guard isIdentifier(office.id) else {
                throw PlanError(
                    file: "offices.json", location: "[\(index)].id",
                    message: "\"\(office.id)\" is not a valid id; expected lowercase ASCII letters, digits, _ and -")
            }
            guard !office.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw PlanError(file: "offices.json", location: "[\(index)].name", message: "empty name; expected the office's Chinese name")
            }
            guard ids.insert(office.id).inserted else {
                throw PlanError(file: "offices.json", location: "[\(index)].id", message: "duplicate office id \"\(office.id)\"")
            }
            guard names.insert(office.name).inserted else {
                throw PlanError(file: "offices.json", location: "[\(index)].name", message: "duplicate office name \"\(office.name)\"")
            }
        }
    }

    private static func validateItems(_ items: [Item], batches: [Batch]) throws(PlanError) {
        var numbers = Set<Int>()
        let batchIDs = batches.map(\.id)
        for (index, item) in items.enumerated() {
            let at = "[\(index)] (item \(item.number))"
            guard item.number > 0 else {
                throw PlanError(file: "items.json", location: at + ".number", message: "item number \(item.number); expected a positive number")
            }
            guard numbers.insert(item.number).inserted else {
                throw PlanError(file: "items.json", location: at + ".number", message: "duplicate item number \(item.number)")
            }
            guard batchIDs.contains(item.batch) else {
                throw PlanError(
                    file: "items.json", location: at + ".batch",
                    message: "unknown batch \"\(item.batch)\"; expected one of \(batchIDs.joined(separator: ", "))")
            }
            for (key, value) in [("name", item.name), ("area", item.area), ("unit", item.unit), ("depth.text", item.depth.text)]
            where value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw PlanError(file: "items.json", location: "\(at).\(key)", message: "empty; expected text")
            }
            guard !item.sections.isEmpty, !item.sections.contains(where: \.isEmpty) else {
                throw PlanError(file: "items.json", location: at + ".sections", message: "expected one or more non-empty section names")
            }
            guard !item.depth.channels.isEmpty,
                item.depth.channels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { !$0.levels.isEmpty && !$0.actions.isEmpty } })
            else {
                throw PlanError(
                    file: "items.json", location: at + ".depth.channels",
                    message: "expected at least one channel, each a list of steps with levels and actions")
            }
        }
    }
}
