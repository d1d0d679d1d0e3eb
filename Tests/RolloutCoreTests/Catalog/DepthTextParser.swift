@testable import RolloutCore

/// An independent reading of 办理深度 text, to cross-check the fixture's structured form.
///
/// Channels are separated by 或者 (or ；, a delegated channel); steps by 、 or ，.
/// A step starts with its levels; a segment with only levels shares the next
/// segment's actions (社区、街道办理); a segment with only actions adds them to
/// the step before (街道受理、办理).
enum DepthTextParser {
    static let levels: [(String, Depth.Level)] = [("委托部分银行", .bank), ("代发银行", .bank), ("社区", .community), ("街道", .street), ("区级", .district)]
    static let actions: [String: Depth.HandlingAction] = [
        "受理": .accept, "办理": .handle, "审核": .review, "复核": .recheck, "初审": .firstReview, "复审": .secondReview,
    ]

    static func parse(_ text: String) -> [[Depth.Step]]? {
        var channels: [[Depth.Step]] = []
        for channelText in text.replacingOccurrences(of: "或者", with: "；").split(separator: "；") {
            var steps: [Depth.Step] = []
            var pendingLevels: [Depth.Level] = []
            var qualifier: String?
            for segment in channelText.split(whereSeparator: { $0 == "、" || $0 == "，" }) {
                var rest = Substring(segment)
                var found = pendingLevels
                pendingLevels = []
                while let (prefix, level) = levels.first(where: { rest.hasPrefix($0.0) }) {
                    found.append(level)
                    if level == .bank { qualifier = prefix }
                    rest = rest.dropFirst(prefix.count)
                }
                if rest.isEmpty { pendingLevels = found; continue }
                var parsed: [Depth.HandlingAction] = []
                for word in rest.split(separator: "和") {
                    guard let action = actions[String(word)] else { return nil }
                    parsed.append(action)
                }
                if found.isEmpty {
                    guard !steps.isEmpty else { return nil }
                    steps[steps.count - 1].actions += parsed
                } else {
                    steps.append(Depth.Step(levels: found, actions: parsed, qualifier: found.contains(.bank) ? qualifier : nil))
                }
            }
            guard pendingLevels.isEmpty else { return nil }
            channels.append(steps)
        }
        return channels
    }
}
