import Testing
@testable import RolloutCore

/// Calendar arithmetic behind due dates and days late.
@Suite struct LocalDateTests {
    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-00-10", "2026-2-3", "２０２６-01-01", "2026-01-01T00:00", ""])
    func impossibleOrMalformedDatesAreRejected(_ text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func leapYearsAndMonthEnds() {
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate.endOfMonth(year: 2026, month: 2)?.description == "2026-02-28")
        #expect(LocalDate.endOfMonth(year: 2026, month: 9)?.description == "2026-09-30")
    }

    @Test func dayNumbersRoundTrip() throws {
        for text in ["1970-01-01", "2026-08-31", "2000-02-29", "2099-12-31"] {
            let date = try #require(LocalDate(text))
            #expect(LocalDate.fromDayNumber(date.dayNumber) == date)
        }
        #expect(LocalDate("1970-01-01")?.dayNumber == 0)
        #expect(LocalDate("2026-08-31")?.days(until: LocalDate("2026-09-30")!) == 30)
    }
}
