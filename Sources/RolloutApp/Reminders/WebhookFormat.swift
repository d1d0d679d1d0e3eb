import Foundation

/// The body a webhook receives: a generic JSON document, or the group-robot
/// messages of WeCom (企业微信) and DingTalk (钉钉), both Markdown.
package enum WebhookFormat: String, CaseIterable, Sendable {
    case generic, wecom, dingtalk

    /// The format named by `--format`; `auto` (or nil) guesses from the webhook's host.
    package static func named(_ name: String?, webhook: String?) throws -> WebhookFormat {
        let name = (name ?? "auto").lowercased()
        if name == "auto" {
            let host = webhook.flatMap { URLComponents(string: $0)?.host?.lowercased() } ?? ""
            if host.hasSuffix("qyapi.weixin.qq.com") { return .wecom }
            if host.hasSuffix("dingtalk.com") { return .dingtalk }
            return .generic
        }
        guard let format = WebhookFormat(rawValue: name) else {
            throw InputError(.webhookFormat) { "invalid \($0(.webhookFormat)) \"\(name)\"; expected auto, generic, wecom or dingtalk" }
        }
        return format
    }

    /// The JSON body for `digest`: keys sorted, so the same digest always gives the same bytes (and content hash).
    package func body(_ digest: ReminderDigest) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch self {
        case .generic: return Array(try encoder.encode(GenericReminder(digest)))
        case .wecom: return Array(try encoder.encode(RobotMessage(markdown: ["content": digest.markdown])))
        case .dingtalk:
            return Array(try encoder.encode(RobotMessage(markdown: ["title": digest.title, "text": digest.markdown])))
        }
    }

    /// Whether an answer means the message was delivered: a 2xx status and,
    /// for the group robots (which answer 200 to refusals too), `errcode` 0.
    package func delivered(status: Int, body: [UInt8]) -> Bool {
        guard (200..<300).contains(status) else { return false }
        guard self != .generic else { return true }
        let answer = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        return (answer?["errcode"] as? Int) == 0
    }

    /// The start of an answer, for the send log.
    package static func excerpt(_ body: [UInt8]) -> String {
        String(decoding: body.prefix(300), as: UTF8.self)
    }
}

/// A group robot's message: a Markdown section (`content`, or `title` and `text`).
private struct RobotMessage: Encodable {
    var msgtype = "markdown"
    var markdown: [String: String]
}
