import Foundation

/// Paths the tests read: the repository root (from this file's path) and the shared data beside it.
enum URLPath {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `../shared` beside the repository: read-only training and evaluation data.
    static let shared = repositoryRoot + "/../shared"

    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }
}
