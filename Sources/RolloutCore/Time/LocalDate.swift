/// A calendar date without a time or time zone, as civil servants write it: `2026-09-30`.
///
/// Effective dates, due dates and "as of" dates are all `LocalDate`s. Parsing
/// rejects impossible dates such as `2026-02-30`.
package struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year, month and day packed as `year << 9 | month << 5 | day` (23 bits): four bytes, ordered like the dates.
    let packed: UInt32

    /// The date with this `packed` value.
    init(packed: UInt32) { self.packed = packed }

    package var year: Int { Int(packed >> 9) }
    package var month: Int { Int(packed >> 5 & 0xF) }
    package var day: Int { Int(packed & 0x1F) }

    /// Creates a date, or returns nil when the day does not exist.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(year: year, month: month)).contains(day)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// Parses `YYYY-MM-DD` strictly (ASCII digits only); returns nil for anything else.
    package init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8(LocalDate.init(utf8:)) else { return nil }
        self = date
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes, as `init?(_ text:)` does.
    package init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The last day of a month.
    package static func endOfMonth(year: Int, month: Int) -> LocalDate? {
        LocalDate(year: year, month: month, day: daysIn(year: year, month: month))
    }

    package static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic.
    package var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    package static func fromDayNumber(_ number: Int) -> LocalDate {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return LocalDate(unchecked: year, month, day)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        packed = UInt32(truncatingIfNeeded: year << 9 | month << 5 | day)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    package func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    package var description: String {
        let (year, month, day) = (year, month, day)
        return String(unsafeUninitializedCapacity: 10) { bytes in
            bytes[0] = UInt8(48 + year / 1000 % 10)
            bytes[1] = UInt8(48 + year / 100 % 10)
            bytes[2] = UInt8(48 + year / 10 % 10)
            bytes[3] = UInt8(48 + year % 10)
            bytes[4] = UInt8(ascii: "-")
            bytes[5] = UInt8(48 + month / 10)
            bytes[6] = UInt8(48 + month % 10)
            bytes[7] = UInt8(ascii: "-")
            bytes[8] = UInt8(48 + day / 10)
            bytes[9] = UInt8(48 + day % 10)
            return 10
        }
    }

    package static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.packed < rhs.packed }
}
