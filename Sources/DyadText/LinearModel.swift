/// A trained multi-class linear model over hashed features: for each feature, the classes it
/// votes for and with what weight (sparse rows). Scoring adds the rows of the active features.
///
/// A row is found through an open-addressing table of `Slot`s (key, first entry, entry count);
/// an entry packs the class in its low 8 bits and the weight, quantised to 24 bits, above it.
struct LinearModel: Sendable {
    struct Slot: Sendable {
        var key: UInt64
        var start: UInt32
        var count: UInt32
    }

    let classCount: Int
    /// Weight of one quantisation step.
    let scale: Float
    let slots: [Slot]
    let mask: Int
    let entries: [UInt32]
    let rowCount: Int

    /// Builds the model from rows of (class, weight), keeping at most `maximumEntries` of the
    /// largest weights.
    init(classCount: Int, rows: [(key: UInt64, weights: [(cls: Int, weight: Float)])], maximumEntries: Int = .max) {
        var threshold: Float = 0
        let total = rows.reduce(0) { $0 + $1.weights.count }
        if total > maximumEntries {
            var magnitudes = rows.flatMap { $0.weights.map { abs($0.weight) } }
            magnitudes.sort(by: >)
            threshold = magnitudes[maximumEntries]
        }
        var maximum: Float = 0
        for row in rows { for (_, w) in row.weights { maximum = max(maximum, abs(w)) } }
        let scale = maximum > 0 ? maximum / Float((1 << 23) - 16) : 1
        var keys: [UInt64] = []
        var counts: [UInt8] = []
        var entries: [UInt32] = []
        for row in rows.sorted(by: { $0.key < $1.key }) {
            let before = entries.count
            for (c, w) in row.weights.sorted(by: { $0.cls < $1.cls }) where abs(w) > threshold {
                let q = Int32(max(-8_388_607, min(8_388_607, (w / scale).rounded())))
                entries.append(UInt32(bitPattern: q << 8) | UInt32(c))
            }
            if entries.count > before {
                keys.append(row.key)
                counts.append(UInt8(entries.count - before))
            }
        }
        self.init(classCount: classCount, scale: scale, keys: keys, counts: counts, entries: entries)
    }

    init(classCount: Int, scale: Float, keys: [UInt64], counts: [UInt8], entries: [UInt32]) {
        self.classCount = classCount
        self.scale = scale
        self.entries = entries
        self.rowCount = keys.count
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var slots = [Slot](repeating: Slot(key: 0, start: 0, count: 0), count: size)
        let mask = size - 1
        var start: UInt32 = 0
        for (key, count) in zip(keys, counts) {
            var i = Int(truncatingIfNeeded: key) & mask
            while slots[i].key != 0 && slots[i].key != key { i = (i + 1) & mask }
            slots[i] = Slot(key: key, start: start, count: UInt32(count))
            start += UInt32(count)
        }
        self.slots = slots
        self.mask = mask
    }

    /// Adds the weights of `features` to `scores` (which must have `classCount` elements).
    ///
    /// Two passes: first find every feature's row, then add the rows. The lookups of different
    /// features are independent memory loads, so the processor overlaps their cache misses.
    @inline(__always)
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Float>) {
        let scale = self.scale
        let mask = self.mask
        withUnsafeTemporaryAllocation(of: Slot.self, capacity: features.count) { found in
            var rows = 0
            slots.withUnsafeBufferPointer { slots in
                for feature in features {
                    var i = Int(truncatingIfNeeded: feature) & mask
                    while true {
                        let slot = slots[i]
                        if slot.key == feature {
                            found[rows] = slot
                            rows += 1
                            break
                        }
                        if slot.key == 0 { break }
                        i = (i + 1) & mask
                    }
                }
            }
            entries.withUnsafeBufferPointer { entries in
                for r in 0..<rows {
                    let start = Int(found[r].start)
                    for e in start..<(start + Int(found[r].count)) {
                        let packed = entries[e]
                        scores[Int(packed & 0xFF)] += Float(Int32(bitPattern: packed) >> 8) * scale
                    }
                }
            }
        }
    }

    /// The rows in key order: (key, entry range).
    func sortedRows() -> [(key: UInt64, start: Int, count: Int)] {
        slots.filter { $0.key != 0 }.map { ($0.key, Int($0.start), Int($0.count)) }.sorted { $0.key < $1.key }
    }

    // MARK: Encoding

    func encode(to writer: inout ByteWriter) {
        writer.append(UInt32(classCount))
        writer.append(scale)
        let rows = sortedRows()
        writer.append(array: rows.map(\.key))
        writer.append(array: rows.map { UInt8($0.count) })
        var ordered: [UInt32] = []
        ordered.reserveCapacity(entries.count)
        for row in rows { ordered.append(contentsOf: entries[row.start..<(row.start + row.count)]) }
        writer.append(array: ordered)
    }

    init(from reader: inout ByteReader) throws {
        let classCount = Int(try reader.uint32())
        let scale = try reader.float()
        let keys: [UInt64] = try reader.array()
        let counts: [UInt8] = try reader.array()
        let entries: [UInt32] = try reader.array()
        guard classCount > 0, classCount <= 256, scale.isFinite, scale > 0, keys.count == counts.count,
            counts.reduce(0, { $0 + Int($1) }) == entries.count
        else {
            throw reader.error("inconsistent linear model tables")
        }
        for e in entries where Int(e & 0xFF) >= classCount { throw reader.error("class \(e & 0xFF) out of range") }
        var previous: UInt64 = 0
        for k in keys {
            guard k > previous else { throw reader.error("feature keys not sorted") }
            previous = k
        }
        self.init(classCount: classCount, scale: scale, keys: keys, counts: counts, entries: entries)
    }
}

/// Trains a `LinearModel` as an averaged perceptron. Rows are sparse linked lists, so memory
/// grows with the (feature, class) pairs actually updated.
final class PerceptronTrainer {
    let classCount: Int
    private var table = FeatureTable(capacity: 1 << 20)
    private var first: [Int32] = []
    private var entryClass: [UInt16] = []
    private var entryNext: [Int32] = []
    private var weight: [Float] = []
    private var total: [Double] = []
    private var stamp: [Int32] = []
    /// The number of training instances seen (the averaging clock).
    private(set) var clock: Int32 = 1

    init(classCount: Int) {
        self.classCount = classCount
    }

    var featureCount: Int { first.count }

    func tick() { clock += 1 }

    /// Adds the current weights of `features` to `scores`.
    func score(_ features: [UInt64], into scores: inout [Float]) {
        for i in 0..<scores.count { scores[i] = 0 }
        first.withUnsafeBufferPointer { first in
            entryNext.withUnsafeBufferPointer { next in
                entryClass.withUnsafeBufferPointer { cls in
                    weight.withUnsafeBufferPointer { weight in
                        scores.withUnsafeMutableBufferPointer { scores in
                            for f in features {
                                let row = table.find(f)
                                if row < 0 { continue }
                                var e = first[Int(row)]
                                while e >= 0 {
                                    scores[Int(cls[Int(e)])] += weight[Int(e)]
                                    e = next[Int(e)]
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Moves weight from class `bad` to class `good` on every feature.
    func update(_ features: [UInt64], good: Int, bad: Int) {
        guard good != bad else { return }
        for f in features {
            add(f, good, 1)
            add(f, bad, -1)
        }
    }

    private func add(_ feature: UInt64, _ cls: Int, _ delta: Float) {
        var row = table.find(feature)
        if row < 0 {
            row = table.insert(feature, Int32(first.count))
            first.append(-1)
        }
        var e = first[Int(row)]
        while e >= 0 && Int(entryClass[Int(e)]) != cls { e = entryNext[Int(e)] }
        if e < 0 {
            e = Int32(entryClass.count)
            entryClass.append(UInt16(cls))
            entryNext.append(first[Int(row)])
            weight.append(0)
            total.append(0)
            stamp.append(clock)
            first[Int(row)] = e
        }
        let i = Int(e)
        total[i] += Double(clock - stamp[i]) * Double(weight[i])
        stamp[i] = clock
        weight[i] += delta
    }

    /// The averaged model, keeping at most `maximumEntries` of the largest weights.
    func averaged(maximumEntries: Int = .max) -> LinearModel {
        let now = Double(clock)
        var rows: [(key: UInt64, weights: [(cls: Int, weight: Float)])] = []
        rows.reserveCapacity(first.count)
        for (slot, key) in table.keys.enumerated() where key != 0 {
            var weights: [(cls: Int, weight: Float)] = []
            var e = first[Int(table.values[slot])]
            while e >= 0 {
                let i = Int(e)
                let sum = total[i] + (now - Double(stamp[i])) * Double(weight[i])
                let average = Float(sum / now)
                if average != 0 { weights.append((Int(entryClass[i]), average)) }
                e = entryNext[i]
            }
            if !weights.isEmpty { rows.append((key, weights)) }
        }
        return LinearModel(classCount: classCount, rows: rows, maximumEntries: maximumEntries)
    }
}

extension LinearModel {
    /// The model keeping at most `maximumEntries` of its largest weights.
    func pruned(maximumEntries: Int) -> LinearModel {
        var rows: [(key: UInt64, weights: [(cls: Int, weight: Float)])] = []
        for row in sortedRows() {
            rows.append(
                (row.key, entries[row.start..<(row.start + row.count)].map {
                    (Int($0 & 0xFF), Float(Int32(bitPattern: $0) >> 8) * scale)
                }))
        }
        return LinearModel(classCount: classCount, rows: rows, maximumEntries: maximumEntries)
    }
}

extension Analyzer {
    /// The analyzer with small weights removed (a smaller, faster model).
    package func pruned(tagger taggerEntries: Int, parser parserEntries: Int) -> Analyzer {
        guard let model else { return self }
        let tagger = Tagger(
            tags: model.tagger.tags, model: model.tagger.model.pruned(maximumEntries: taggerEntries),
            lexicon: model.tagger.lexicon)
        let parser = Parser(
            labels: model.parser.labels, rootLabel: model.parser.rootLabel,
            model: model.parser.model.pruned(maximumEntries: parserEntries))
        return Analyzer(model: SyntaxModel(tagger: tagger, lemmatizer: model.lemmatizer, parser: parser))
    }
}
