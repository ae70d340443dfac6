import Testing

@Test func helpPrintsUsageAndSucceeds() throws {
    let result = try DyadBinary.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE: dyad"))
}

@Test func unknownSubcommandFailsWithOneLineReason() throws {
    let result = try DyadBinary.run(["no-such-command"])
    #expect(result.status != 0)
    #expect(!result.stderr.isEmpty)
}
