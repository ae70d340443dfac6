extension String {
    /// Whether the first character is uppercase, as `first?.isUppercase == true` says, but read
    /// from the first byte when the first character is a single ASCII byte (nearly every token):
    /// Unicode's case properties are looked up only for other text.
    ///
    /// ```swift
    /// "Kabul".startsWithUppercase   // true
    /// "éte".startsWithUppercase     // false
    /// ```
    var startsWithUppercase: Bool {
        let utf8 = self.utf8
        guard let first = utf8.first else { return false }
        // Two ASCII bytes are never one character, except "\r\n", which is not uppercase either.
        if first < 0x80, utf8.dropFirst().first.map({ $0 < 0x80 }) ?? true {
            return first >= 0x41 && first <= 0x5A
        }
        return self.first?.isUppercase == true
    }
}
