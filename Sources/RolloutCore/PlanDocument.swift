import Foundation

/// The stored form of a plan: its canonical JSON text, whose SHA-256 is the plan version.
public enum PlanDocument {
    /// The canonical text to store.
    public static func encode(_ plan: Plan) -> String { plan.canonical.text }

    /// Reads a stored plan back. When `offices` is given (the store keeps them in
    /// a table too), the document's office list is not decoded: at national
    /// scale that list is most of the document and of the time every command spends opening it.
    public static func decode(_ text: String, offices: [Office]? = nil) throws -> Plan {
        guard let offices else { return try JSONDecoder().decode(Plan.self, from: Data(text.utf8)) }
        let rest = try JSONDecoder().decode(PlanWithoutOffices.self, from: Data(text.utf8))
        return Plan(district: rest.district, title: rest.title, year: rest.year, timeZone: rest.timeZone, milestones: rest.milestones,
                    followUp: rest.followUp, batches: rest.batches, offices: offices, items: rest.items)
    }

    /// Every part of the document but the office list.
    private struct PlanWithoutOffices: Decodable {
        var district: String
        var title: String
        var year: Int
        var timeZone: String
        var milestones: [Milestone]
        var followUp: Plan.FollowUp
        var batches: [Batch]
        var items: [Item]
    }
}
