/// Who a registered person acts as.
package enum Role: String, Codable, CaseIterable, Sendable {
    /// District staff: record district milestones, confirm go-live, resolve problems, correct, register people.
    case coordinator
    /// One street office's staff: report for their own office only.
    case office
    /// Reads everything, writes nothing.
    case auditor
}
