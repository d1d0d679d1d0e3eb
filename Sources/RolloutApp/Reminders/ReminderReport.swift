/// A reminder run's result: the date, the format and one delivery per digest.
package struct ReminderReport: Sendable {
    package var asOf: String
    package var format: WebhookFormat
    package var deliveries: [ReminderDelivery]

    /// Whether some digest could not be delivered.
    package var failed: Bool { deliveries.contains { if case .failed = $0.status { true } else { false } } }
}
