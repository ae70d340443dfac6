/// One word of a sentence with its analysis, in the CoNLL-U sense: the form as written, where it
/// is in the document, its part of speech, lemma, and its head and relation in the dependency tree.
///
/// Offsets are UTF-8 byte offsets into the document's text; `head` is the index of the head
/// token within the same sentence (0-based), or `-1` for the root.
public struct Token: Sendable, Hashable, Codable {
    /// The word as written .
    public var form: String
    /// UTF-8 byte range of the word in the document text.
    public var range: Range<Int>
    /// Universal part-of-speech tag (`NOUN`, `VERB`, `PROPN`, ...), `_` before tagging.
    public var upos: String
    /// English Penn Treebank tag (`NN`, `VBD`, ...), `_` before tagging.
    public var xpos: String
    /// Lemma (`refuse` for "refused"), `_` before lemmatization.
    public var lemma: String
    /// Index of the head token in the sentence, `-1` for the root (and before parsing).
    public var head: Int
    /// Universal dependency relation to the head (`nsubj`, `obj`, `obl:agent`, ...), `_` before parsing.
    public var relation: String
    /// Whether whitespace follows the token in the text.
    public var spaceAfter: Bool

    /// Creates a token; the analysis fields default to "not yet analysed".
    public init(
        form: String, range: Range<Int>, upos: String = "_", xpos: String = "_", lemma: String = "_",
        head: Int = -1, relation: String = "_", spaceAfter: Bool = true
    ) {
        self.form = form
        self.range = range
        self.upos = upos
        self.xpos = xpos
        self.lemma = lemma
        self.head = head
        self.relation = relation
        self.spaceAfter = spaceAfter
    }
}
