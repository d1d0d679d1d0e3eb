import RolloutCore

/// An engine refusal in the page's language. The engine words each refusal in
/// English with its particulars (which milestone, office, date, entry), and the
/// history keeps that sentence as recorded; a Chinese page leads with what the
/// refusal means in Chinese, by its reason code, and keeps the particulars
/// after it.
extension PageStrings {
    /// The refusal with reason `code` (`Refusal.Reason`'s raw value) and the engine's `message`, for this page.
    package func refusal(code: String?, message: String) -> String {
        guard language == .zh, let code, let reason = Refusal.Reason(rawValue: code), let gist = Self.refusalGists[reason] else {
            return message
        }
        return "\(gist)（\(message)）"
    }

    /// What each refusal means, in Chinese.
    package static let refusalGists: [Refusal.Reason: String] = [
        .wrongRole: "您的角色不能进行此操作",
        .wrongOffice: "街道工作人员只能为本街道登记",
        .missingPrerequisite: "前置环节尚未完成，请先完成前置环节",
        .beforePrerequisite: "生效日期早于前置环节的完成日期",
        .alreadyDone: "该环节已登记过，如需更改请更正原记录",
        .blocked: "该街道的推进已被暂停，需由区级协调员解除暂停",
        .notBlocked: "该街道的推进并未暂停",
        .notLive: "该街道尚未上线，上线后才能报告问题",
        .problemNotOpen: "该问题不是待处理的问题",
        .notInEffect: "所更正的记录已不再有效",
        .dependantsNotReversed: "须先更正依赖于此记录的后续记录",
        .alreadyRegistered: "此人已在名册中",
        .notRegistered: "此人不在名册中",
        .lastCoordinator: "这是最后一位区级协调员，请先登记另一位协调员",
    ]
}
