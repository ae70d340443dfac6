import Testing

@testable import DyadCoding

@Test func wireHeaderReadsBylineDatelineAndAgency() {
    let text = "By Riyaz ul Khaliq\nISTANBUL (AA) - China said Thursday that talks face obstacles."
    let header = WireHeader(text: text)
    #expect(header.byline == "Riyaz ul Khaliq")
    #expect(header.dateline == "ISTANBUL")
    #expect(header.agency == "AA")
    // The skipped ranges end exactly where the story starts.
    let storyStart = header.skipped.last?.upperBound ?? 0
    #expect(substring(text, storyStart..<text.utf8.count).hasPrefix("China said Thursday"))
}

@Test(arguments: [
    ("WASHINGTON, Aug 31 (Reuters) - The United States imposed sanctions.", "WASHINGTON", "Reuters"),
    ("KYIV (AP) \u{2014} Russia launched drones overnight.", "KYIV", "AP"),
])
func wireHeaderReadsCommonDatelines(text: String, city: String, agency: String) {
    let header = WireHeader(text: text)
    #expect(header.dateline == city)
    #expect(header.agency == agency)
}

@Test func textWithoutHeaderKeepsEverything() {
    let header = WireHeader(text: "China criticized Japan (again) - a familiar pattern.")
    #expect(header.byline == nil)
    #expect(header.skipped.isEmpty)
}
