/// An instant as whole seconds since 1970-01-01T00:00:00Z, with the ISO 8601
/// forms the tool reads (`2026-09-15T09:00:00+08:00`, `…Z`) and writes
/// (`2026-09-15T01:00:00Z`), and the calendar date it falls on in a time zone.
///
/// Parsing and formatting by hand: a command runs in milliseconds, and
/// Foundation's ISO 8601 formatter alone costs about one.
package struct Timestamp: Comparable, Hashable, Sendable {
    package let seconds: Int64

    package init(seconds: Int64) { self.seconds = seconds }

    /// `date` at `hour:minute:second` local time, `offset` seconds east of UTC.
    package init(date: LocalDate, hour: Int, minute: Int, second: Int, offset: Int) {
        seconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z`, `±HH:MM` or `±HHMM`; nil for anything else.
    package init?(iso8601 text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Timestamp.parse($0) }) else { return nil }
        self = parsed
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let date = LocalDate(utf8: UnsafeBufferPointer(rebasing: bytes[0..<10]))
        else { return nil }
        func number(_ start: Int) -> Int? {
            let tens = Int(bytes[start]) - 48, ones = Int(bytes[start + 1]) - 48
            guard (0...9).contains(tens), (0...9).contains(ones) else { return nil }
            return tens * 10 + ones
        }
        guard let hour = number(11), hour < 24, let minute = number(14), minute < 60, let second = number(17), second < 60 else { return nil }
        let zone = Array(bytes[19...])
        let offset: Int
        switch zone.count {
        case 1 where zone[0] == UInt8(ascii: "Z"):
            offset = 0
        case 5, 6:
            guard zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-") else { return nil }
            let colon = zone.count == 6
            if colon && zone[3] != UInt8(ascii: ":") { return nil }
            let digits = zone.count == 6 ? [zone[1], zone[2], zone[4], zone[5]] : [zone[1], zone[2], zone[3], zone[4]]
            guard digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
            let hours = Int(digits[0] - 48) * 10 + Int(digits[1] - 48), minutes = Int(digits[2] - 48) * 10 + Int(digits[3] - 48)
            guard hours < 24, minutes < 60 else { return nil }
            offset = (zone[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
        return Timestamp(date: date, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// The calendar date at this instant, `offset` seconds east of UTC.
    package func date(offset: Int) -> LocalDate {
        let local = seconds + Int64(offset)
        return LocalDate.fromDayNumber(Int((local - (local % 86_400 + 86_400) % 86_400) / 86_400))
    }

    /// UTC, to the second: `2026-09-15T01:00:00Z`.
    package var iso8601: String {
        let secondOfDay = Int((seconds % 86_400 + 86_400) % 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date(offset: 0))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }
}
