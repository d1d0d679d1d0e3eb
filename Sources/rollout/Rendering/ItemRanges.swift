/// Writes item numbers compactly: `1-29`, `30-40`, `2, 5-7`.
enum ItemRanges {
    static func text(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start: Int?, previous: Int?
        for number in numbers.sorted() {
            if let last = previous, number == last + 1 { previous = number; continue }
            if let first = start, let last = previous { parts.append(first == last ? "\(first)" : "\(first)-\(last)") }
            start = number
            previous = number
        }
        if let first = start, let last = previous { parts.append(first == last ? "\(first)" : "\(first)-\(last)") }
        return parts.isEmpty ? "-" : parts.joined(separator: ", ")
    }
}
