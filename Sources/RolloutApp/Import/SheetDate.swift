import Foundation
import RolloutCore

/// A date as a sheet holds it: `2026-08-15`, or as Excel on Chinese Windows
/// shows it, `2026/8/15`, `2026-8-15` or `2026年8月15日`.
package enum SheetDate {
    /// The date, or nil when the text is no real calendar date in one of those forms.
    package static func parse(_ text: String) -> LocalDate? {
        var parts: [Substring] = []
        if text.hasSuffix("日"), text.contains("年"), text.contains("月") {
            parts = text.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
        } else {
            let separator: Character = text.contains("/") ? "/" : "-"
            parts = text.split(separator: separator, omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }), let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2])
        else { return nil }
        return LocalDate(String(format: "%04d-%02d-%02d", year, month, day))
    }
}
