import Foundation

/// Which column of a progress sheet holds what, found by its header in
/// English or Chinese (case, spaces and a trailing `*` ignored).
package struct ImportColumns: Equatable, Sendable {
    /// The columns a progress sheet has.
    package enum Field: String, CaseIterable, Sendable {
        case office, batch, milestone, date, note, reporter

        /// The header names accepted, English first.
        package var names: [String] {
            switch self {
            case .office: ["office", "街道", "街道办事处", "办事处"]
            case .batch: ["batch", "批次"]
            case .milestone: ["milestone", "里程碑", "节点", "环节", "事项节点"]
            case .date: ["date", "effective", "effective date", "日期", "完成日期", "生效日期", "完成时间"]
            case .note: ["note", "备注", "说明"]
            case .reporter: ["reporter", "reported by", "报告人", "填报人", "上报人"]
            }
        }

        /// Whether a sheet must have the column (a district-wide milestone leaves `office` empty, but the column is there).
        var required: Bool { self != .note && self != .reporter }
    }

    /// Column index per field.
    private let index: [Field: Int]

    /// Maps `header`, or names the header that is unknown, repeated or missing.
    package init(header: [String]) throws {
        var index: [Field: Int] = [:]
        for (position, raw) in header.enumerated() {
            let name = Self.normalised(raw)
            guard let field = Field.allCases.first(where: { $0.names.map(Self.normalised).contains(name) }) else {
                throw InputError(
                    "unknown column \"\(raw)\" (column \(position + 1) of the header); expected "
                        + Field.allCases.map { $0.names.joined(separator: " / ") }.joined(separator: "; "))
            }
            if let earlier = index[field] {
                throw InputError("columns \(earlier + 1) and \(position + 1) are both \(field.rawValue) (\"\(raw)\"); expected each column once")
            }
            index[field] = position
        }
        let missing = Field.allCases.filter { $0.required && index[$0] == nil }
        guard missing.isEmpty else {
            throw InputError(
                "the header has no " + missing.map { "\($0.rawValue) column (\($0.names.joined(separator: " / ")))" }.joined(separator: ", no ")
                    + "; expected columns office, batch, milestone, date and optionally note, reporter")
        }
        self.index = index
    }

    /// The value of `field` in `fields`, trimmed; empty when the sheet has no such column.
    package func value(_ field: Field, in fields: [String]) -> String {
        guard let position = index[field], position < fields.count else { return "" }
        return fields[position].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func normalised(_ name: String) -> String {
        var name = name.trimmingCharacters(in: .whitespaces).lowercased()
        while name.hasSuffix("*") { name.removeLast() }
        return name.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
    }
}
