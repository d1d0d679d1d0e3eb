import Foundation

/// The stored form of a plan: its canonical JSON text, whose SHA-256 is the plan version.
package enum PlanDocument {
    /// The canonical text to store.
    package static func encode(_ plan: Plan) -> String { plan.canonical.text }

    /// Reads a stored plan back. When `offices` is given (the store keeps them in
    /// a table too), the document's office list is not decoded: at national
    /// scale that list is most of the document and of the time every command spends opening it.
    package static func decode(_ text: String, offices: [Office]? = nil) throws -> Plan {
        guard let tree = CanonicalJSONParser.parse(text, skippingTopLevel: offices == nil ? [] : ["offices"]) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the plan document is not canonical JSON"))
        }
        guard let offices else { return try CanonicalJSONDecoder.decode(Plan.self, from: tree) }
        let rest = try CanonicalJSONDecoder.decode(PlanWithoutOffices.self, from: tree)
        return rest.settings.plan(offices: offices, items: rest.items)
    }

    /// Every part of the document but the office list.
    private struct PlanWithoutOffices: Decodable {
        var settings: PlanSettings
        var items: [Item]

        enum CodingKeys: String, CodingKey { case items }

        init(from decoder: any Decoder) throws {
            settings = try PlanSettings(from: decoder)
            items = try decoder.container(keyedBy: CodingKeys.self).decode([Item].self, forKey: .items)
        }
    }
}
