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

@Test(arguments: [
    ("LYON: Interpol said it will send a team.", "LYON", "Interpol said"),
    ("GAZA CITY, Palestinian Territories: Four children were killed.", "GAZA CITY", "Four children"),
    ("KABUL - Gunmen attacked a checkpoint.", "KABUL", "Gunmen attacked"),
    ("NAIROBI \u{2014} Police arrested two men.", "NAIROBI", "Police arrested"),
])
func wireHeaderReadsDatelinesWithoutAnAgency(text: String, city: String, story: String) {
    let header = WireHeader(text: text)
    #expect(header.dateline == city && header.agency == nil)
    let storyStart = header.skipped.last?.upperBound ?? 0
    #expect(substring(text, storyStart..<text.utf8.count).hasPrefix(story))
}

@Test(arguments: [
    "US: the talks failed.", "Note: China criticized Japan.", "China criticized Japan - a familiar pattern.",
    "The talks in GENEVA, Switzerland: a failure.",
])
func aLineThatIsNoDatelineKeepsEverything(text: String) {
    #expect(WireHeader(text: text).skipped.isEmpty)
}
