import ArgumentParser
import DyadCLI

/// The program's entry point: ArgumentParser's asynchronous `main()` of the root command.
@main
extension DyadCommand {}
