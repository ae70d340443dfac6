public import ArgumentParser

/// `dyad`: turns news text into political event data coded in CAMEO.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct DyadCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dyad",
        abstract: "Turn news text into political event data: who did what to whom, when and where, in CAMEO.",
        discussion: """
            Run `dyad code` with no arguments to code the bundled example article.
            """,
        version: "0.1.0",
        subcommands: [
            CodeCommand.self, ExplainCommand.self, QuotesCommand.self,
            EvalCommand.self,
            ParseCommand.self, TrainCommand.self,
            IngestCommand.self, QueryCommand.self, DyadsCommand.self, ExportCommand.self,
            ServeCommand.self,
        ],
        defaultSubcommand: nil
    )

    public init() {}
}
