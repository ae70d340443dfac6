internal import DyadText

/// The wire article bundled with Dyad, coded by `dyad code` when it is given no input.
///
/// Anadolu Agency, 2023-08-31: "China says military talks with US face 'difficulties and
/// obstacles'", by Riyaz ul Khaliq. Its hand-coded events are in the development tree's
/// `../shared/examples/`.
public enum ExampleArticle {
    /// The article's id, as in the hand-coded gold file.
    public static let id = "aa-2023-08-31-china-us-military-talks"
    /// The publication date.
    public static let date = EventDate(year: 2023, month: 8, day: 31)

    /// The article as a document ready to code.
    public static var document: Document {
        Document(id: id, text: EmbeddedAssets.string(named: "example-article.txt") ?? "", date: date, source: "AA")
    }
}
