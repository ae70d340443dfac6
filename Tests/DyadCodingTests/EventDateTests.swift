import Testing

@testable import DyadCoding

@Test(arguments: [
    ("2022-08-15", "2022-08-15"), ("2022-08", "2022-08"), ("2022", "2022"), ("2024-02-29", "2024-02-29"),
])
func eventDateRoundTrips(text: String, expected: String) throws {
    let date = try #require(EventDate(text))
    #expect(date.description == expected)
}

@Test(arguments: ["", "22", "2022-13", "2023-02-29", "2022-8", "2022-08-1", "abcd", "2022-08-15-01"])
func eventDateRejectsMalformedText(text: String) {
    #expect(EventDate(text) == nil)
}

@Test func eventDatesOrderByPrecisionWithinPeriod() throws {
    let year = try #require(EventDate("2022"))
    let month = try #require(EventDate("2022-08"))
    let day = try #require(EventDate("2022-08-15"))
    #expect(year < month && month < day)
}
