/// 办理深度: at which levels an item is accepted, handled and reviewed.
///
/// An item has one or more channels (the source joins alternatives with 或者,
/// or with ； for a delegated channel); each channel is a sequence of steps,
/// and each step names the levels that act and what they do.
package struct Depth: Codable, Equatable, Sendable {
    /// The source text, verbatim.
    package var text: String
    /// The alternatives, each a sequence of steps.
    package var channels: [[Step]]

    /// The channels in one line: `community/street:accept+review > district:decide | bank:accept`.
    package var channelsText: String {
        channels.map {
            $0.map { step in step.levels.map(\.rawValue).joined(separator: "/") + ":" + step.actions.map(\.rawValue).joined(separator: "+") }
                .joined(separator: " > ")
        }.joined(separator: " | ")
    }

    /// One step of a channel: one or more levels doing the same actions.
    package struct Step: Codable, Equatable, Sendable {
        package var levels: [Level]
        package var actions: [HandlingAction]
        /// For banks: which banks, verbatim (代发银行, 委托部分银行).
        package var qualifier: String?
    }

    /// Where a step happens.
    package enum Level: String, Codable, CaseIterable, Sendable {
        case community, street, district, bank

        /// The Chinese term used in the source.
        package var chinese: String {
            switch self {
            case .community: "社区"
            case .street: "街道"
            case .district: "区级"
            case .bank: "银行"
            }
        }
    }

    /// What a level does with an application.
    package enum HandlingAction: String, Codable, CaseIterable, Sendable {
        case accept, handle, review, recheck
        case firstReview = "first_review"
        case secondReview = "second_review"

        /// The Chinese term used in the source.
        package var chinese: String {
            switch self {
            case .accept: "受理"
            case .handle: "办理"
            case .review: "审核"
            case .recheck: "复核"
            case .firstReview: "初审"
            case .secondReview: "复审"
            }
        }
    }

    /// True when some channel lets an applicant walk in at `level`: the
    /// channel's first step includes that level.
    package func acceptsAt(_ level: Level) -> Bool {
        channels.contains { $0.first?.levels.contains(level) ?? false }
    }

    /// True when some channel runs entirely at `level`: every step includes it
    /// and at least one step there handles (办理) the application.
    package func fullyHandledAt(_ level: Level) -> Bool {
        channels.contains { steps in
            !steps.isEmpty && steps.allSatisfy { $0.levels.contains(level) }
                && steps.contains { $0.actions.contains(.handle) }
        }
    }

    /// True when `level` takes part in any step of any channel.
    package func involves(_ level: Level) -> Bool {
        channels.contains { $0.contains { $0.levels.contains(level) } }
    }
}
