/// The word sets of `verbs.txt` (`&CURRENCY = money; cash; ...`): each set is a list of items in
/// the order written, an item one or more words. A large set also indexes its items by their
/// first word, so a pattern can find the items that may start at a token without trying them all.
struct WordSets: Sendable {
    private var items: [String: [[String]]] = [:]
    /// For sets of more than ``indexedSize`` items: first word to the positions of the items it starts.
    private var byFirstWord: [String: [String: [Int]]] = [:]

    /// The size above which a set is indexed; a small set is quicker to scan.
    static let indexedSize = 8

    /// The items of the set `name` (`&CURRENCY`), in the order written; `nil` for an unknown set.
    subscript(name: String) -> [[String]]? { items[name] }

    /// Adds `more` at the end of the set `name`, creating it if needed.
    mutating func append(_ more: [[String]], to name: String) {
        items[name, default: []] += more
        guard let all = items[name], all.count > Self.indexedSize else { return }
        var index: [String: [Int]] = [:]
        for (position, item) in all.enumerated() {
            if let first = item.first { index[first, default: []].append(position) }
        }
        byFirstWord[name] = index
    }

    /// The first-word index of the set `name`, or `nil` when the set is small (scan it instead).
    func firstWordIndex(of name: String) -> [String: [Int]]? { byFirstWord[name] }
}
