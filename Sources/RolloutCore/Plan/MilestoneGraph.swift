import Foundation

/// Draws the plan's milestone graph as Mermaid or Graphviz DOT, optionally
/// annotated with how many offices have reached each milestone.
package enum MilestoneGraph {
    /// Per milestone id, how many offices have reached it (district-wide ones count for all).
    package typealias Reached = [String: Int]

    package static func mermaid(_ plan: Plan, reached: Reached? = nil) -> String {
        var lines = ["flowchart LR"]
        for milestone in plan.milestones {
            lines.append("    \(milestone.id)[\"\(label(milestone, plan, reached, separator: "<br/>"))\"]")
        }
        lines.append("    \(followUpID)([\"follow-up<br/>\(plan.followUp.label)\"])")
        for milestone in plan.milestones {
            for prerequisite in milestone.requires { lines.append("    \(prerequisite) --> \(milestone.id)") }
        }
        lines.append("    \(plan.followUp.after) -.-> \(followUpID)")
        return lines.joined(separator: "\n") + "\n"
    }

    package static func dot(_ plan: Plan, reached: Reached? = nil) -> String {
        var lines = ["digraph milestones {", "    rankdir=LR;", "    node [shape=box, fontname=\"sans-serif\"];"]
        for milestone in plan.milestones {
            lines.append("    \(milestone.id) [label=\"\(label(milestone, plan, reached, separator: "\\n"))\"];")
        }
        lines.append("    \(followUpID) [shape=ellipse, label=\"follow-up\\n\(plan.followUp.label)\"];")
        for milestone in plan.milestones {
            for prerequisite in milestone.requires { lines.append("    \(prerequisite) -> \(milestone.id);") }
        }
        lines.append("    \(plan.followUp.after) -> \(followUpID) [style=dashed];")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static let followUpID = "follow_up"

    private static func label(_ milestone: Milestone, _ plan: Plan, _ reached: Reached?, separator: String) -> String {
        let scope = milestone.scope == .district ? "district-wide" : "per office"
        var parts = [
            milestone.id, escape(milestone.label),
            "\(milestone.recordedBy.rawValue) · \(scope)" + (milestone.due.map { " · due end of \($0.rawValue) month" } ?? ""),
        ]
        if let reached { parts.append("\(reached[milestone.id] ?? 0)/\(plan.offices.count) offices") }
        return parts.joined(separator: separator)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "'")
    }
}
