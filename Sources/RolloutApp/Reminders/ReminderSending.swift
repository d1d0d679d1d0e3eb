import Foundation
import RolloutCore
import RolloutStore

extension RolloutService {
    /// Computes the digests and sends each to the webhook (`docs/reminders.md`):
    /// a digest already sent with the same recipient, date and content is
    /// skipped; a failed post is retried per `retry`; every send, delivered or
    /// not, is logged in `reminder_sends` (not in the history). A dry run only
    /// returns the messages.
    package func remind(
        _ run: ReminderRun, now: Timestamp, transport: any WebhookTransport, retry: RetryPolicy = RetryPolicy()
    ) async throws -> ReminderReport {
        let format = try WebhookFormat.named(run.format, webhook: run.webhook)
        var webhook: String?
        if !run.dryRun {
            guard let url = run.webhook, !url.isEmpty else {
                throw InputError(.webhook) {
                    "where should the reminders go? pass \($0(.webhook)) URL (or set ROLLOUT_WEBHOOK), or \($0(.dryRun)) to print them"
                }
            }
            webhook = try Self.checkedWebhook(url)
        }
        let digests = try reminderDigests(asOf: run.asOf, withinDays: run.withinDays, now: now)
        var deliveries: [ReminderDelivery] = []
        for digest in digests {
            let body = try format.body(digest)
            let sha256 = SHA256Hex.digest(Data(body))
            var delivery = ReminderDelivery(digest: digest, body: body, contentSHA256: sha256, status: .notSent)
            if let webhook {
                if let at = try store.reminderSent(recipient: digest.recipient.key, asOf: digest.asOf.description, contentSHA256: sha256) {
                    delivery.status = .alreadySent(at: at)
                } else {
                    (delivery.status, delivery.httpStatus) = await send(body, to: webhook, format: format, transport: transport, retry: retry)
                    try log(delivery, format: format, webhook: webhook, now: now)
                }
            }
            deliveries.append(delivery)
        }
        return ReminderReport(asOf: digests.first?.asOf.description ?? "", format: format, deliveries: deliveries)
    }

    /// Posts `body` until it is delivered or the attempts run out; the last HTTP status, if an answer came.
    private func send(
        _ body: [UInt8], to webhook: String, format: WebhookFormat, transport: any WebhookTransport, retry: RetryPolicy
    ) async -> (ReminderDelivery.Status, Int?) {
        var lastError = "", lastStatus: Int?
        for attempt in 1...max(1, retry.attempts) {
            if attempt > 1 {
                do { try await retry.sleep(retry.delay(before: attempt)) } catch {
                    return (.failed(attempts: attempt - 1, error: lastError), lastStatus)
                }
            }
            do {
                let answer = try await transport.post(body, to: webhook)
                lastStatus = answer.status
                if format.delivered(status: answer.status, body: answer.body) { return (.sent(attempts: attempt), answer.status) }
                lastError = "HTTP \(answer.status): \(WebhookFormat.excerpt(answer.body))"
            } catch {
                lastError = "\(error)"
            }
        }
        return (.failed(attempts: max(1, retry.attempts), error: lastError), lastStatus)
    }

    private func log(_ delivery: ReminderDelivery, format: WebhookFormat, webhook: String, now: Timestamp) throws {
        var sent = false, attempts = 0, error: String?
        switch delivery.status {
        case .sent(let count): (sent, attempts) = (true, count)
        case .failed(let count, let message): (attempts, error) = (count, message)
        case .notSent, .alreadySent: return
        }
        try store.logReminderSend(
            ReminderSend(
                recipient: delivery.digest.recipient.key, asOf: delivery.digest.asOf.description, contentSHA256: delivery.contentSHA256,
                format: format.rawValue, destination: Self.destination(webhook), sent: sent, attempts: attempts,
                httpStatus: delivery.httpStatus, error: error, sentAt: now.iso8601))
    }

    /// A webhook address as given, checked.
    package static func checkedWebhook(_ url: String) throws -> String {
        guard let parts = URLComponents(string: url), ["http", "https"].contains(parts.scheme?.lowercased() ?? ""), parts.host?.isEmpty == false
        else {
            throw InputError(
                "invalid webhook \"\(url)\"; expected an http:// or https:// address such as https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=..."
            )
        }
        return url
    }

    /// The webhook without its query, where the robots keep their key: what the log keeps.
    static func destination(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return "" }
        parts.query = nil
        parts.user = nil
        parts.password = nil
        return parts.string ?? ""
    }
}
