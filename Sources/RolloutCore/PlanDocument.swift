import Foundation

/// The stored form of a plan: its canonical JSON text, whose SHA-256 is the plan version.
public enum PlanDocument {
    /// The canonical text to store.
    public static func encode(_ plan: Plan) -> String { plan.canonical.text }

    /// Reads a stored plan back.
    public static func decode(_ text: String) throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(text.utf8))
    }
}
