/// A milestone done: by which entry, effective when.
package struct Completion: Equatable, Sendable {
    /// The entry number above the date's 23 bits, in one word: a national
    /// state holds a million completions. Entry numbers beyond 2⁴¹ do not fit
    /// (a history of two trillion entries).
    private var packed: UInt64

    package init(entry: Int64, effective: LocalDate) {
        packed = UInt64(truncatingIfNeeded: entry) << 23 | UInt64(effective.packed)
    }

    package var entry: Int64 {
        get { Int64(packed >> 23) }
        set { self = Completion(entry: newValue, effective: effective) }
    }

    package var effective: LocalDate {
        get { LocalDate(packed: UInt32(truncatingIfNeeded: packed & 0x7F_FFFF)) }
        set { self = Completion(entry: entry, effective: newValue) }
    }
}
