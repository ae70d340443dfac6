/// A trained multi-class linear model over hashed features: for each feature, the classes it
/// votes for and with what weight (sparse rows). Scoring adds the rows of the active features.
///
/// An entry packs the class in its low 8 bits and the weight, quantised to 24 bits, above it.
/// A row is found through an open-addressing table of 16-byte `Slot`s. Most rows have one or two
/// entries (80% of the parser's and the tagger's), and those are stored in the slot itself, so
/// scoring such a feature costs one cache line. Rows with many entries (features of tags and
/// labels alone, which fire in every sentence) are stored dense, a weight for every class, and
/// added four classes at a time; the others live in `overflow` as packed entries.
struct LinearModel: Sendable {
    /// A table slot: the feature's key (0: empty) and its row.
    ///
    /// `b & 0xFF` tells the row's form: `singleTag`, one entry in `a`; `overflowTag`,
    /// `overflow[a ..< a + b >> 8]`; `denseTag`, dense row `a`; any other value (a class), two
    /// entries `a` and `b`.
    struct Slot: Sendable {
        var key: UInt64
        var a: UInt32
        var b: UInt32
    }

    static let singleTag: UInt32 = 0xFF
    static let overflowTag: UInt32 = 0xFE
    static let denseTag: UInt32 = 0xFD

    let classCount: Int
    /// `classCount` rounded up to a multiple of 4: the length of a dense row, and of the scores
    /// buffer that `score` needs.
    let paddedClassCount: Int
    /// Weight of one quantisation step.
    let scale: Float
    let slots: LargeTable<Slot>
    let mask: Int
    /// Packed entries of the rows with more than two, but too few to be dense (four bytes each,
    /// so that a row of up to 16 spans at most two cache lines).
    let overflow: LargeTable<UInt32>
    /// Dense rows, `paddedClassCount` weights each (0 for the classes a row has no entry for).
    let dense: LargeTable<Float>
    /// The packed entries of the dense rows (for encoding): row `r` is
    /// `denseEntries[denseStarts[r] ..< denseStarts[r + 1]]`.
    let denseEntries: [UInt32]
    let denseStarts: [Int]
    let rowCount: Int
    let entryCount: Int

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

    /// Builds the table from rows in key order: `counts[i]` entries of `entries` for `keys[i]`.
    init(classCount: Int, scale: Float, keys: [UInt64], counts: [UInt8], entries: [UInt32]) {
        self.classCount = classCount
        self.scale = scale
        self.rowCount = keys.count
        self.entryCount = entries.count
        // A load factor of about one half: short probes, and a table half the size of one at a
        // quarter, which keeps more of it in the cache.
        var size = 16
        while size * 2 < keys.count * 3 { size <<= 1 }
        let mask = size - 1
        // Classes 0xFD to 0xFF would read as tags: models with that many classes keep every row
        // in `overflow`.
        let inline = classCount <= 0xFD
        let padded = (classCount + 3) & ~3
        // Dense from a quarter of the classes on: adding a dense row (a few vector additions,
        // over half the row for many parser states) is then cheaper than adding its entries one
        // by one.
        let denseMinimum = max(8, classCount / 4)
        var overflowCount = 0
        var denseCount = 0
        for count in counts {
            let n = Int(count)
            if inline && n <= 2 {
                continue
            } else if inline && n >= denseMinimum {
                denseCount += padded
            } else {
                overflowCount += n
            }
        }
        var overflow: LargeTable<UInt32>?
        var dense: LargeTable<Float>?
        var denseEntries: [UInt32] = []
        var denseStarts = [0]
        self.slots = LargeTable(count: size) { slots in
            slots.initialize(repeating: Slot(key: 0, a: 0, b: 0))
            overflow = LargeTable(count: overflowCount) { overflow in
                overflow.initialize(repeating: 0)
                dense = LargeTable(count: denseCount) { dense in
                    dense.initialize(repeating: 0)
                    var overflowEnd = 0
                    var denseEnd = 0
                    var start = 0
                    for (key, count) in zip(keys, counts) {
                        let n = Int(count)
                        var i = Int(truncatingIfNeeded: key) & mask
                        while slots[i].key != 0 && slots[i].key != key { i = (i + 1) & mask }
                        if inline && n == 1 {
                            slots[i] = Slot(key: key, a: entries[start], b: Self.singleTag)
                        } else if inline && n == 2 {
                            slots[i] = Slot(key: key, a: entries[start], b: entries[start + 1])
                        } else if inline && n >= denseMinimum {
                            slots[i] = Slot(key: key, a: UInt32(denseEnd / padded), b: Self.denseTag)
                            for e in entries[start..<(start + n)] {
                                dense[denseEnd + Int(e & 0xFF)] = Self.weight(e, scale)
                            }
                            denseEnd += padded
                            denseEntries.append(contentsOf: entries[start..<(start + n)])
                            denseStarts.append(denseEntries.count)
                        } else {
                            slots[i] = Slot(key: key, a: UInt32(overflowEnd), b: UInt32(n) << 8 | Self.overflowTag)
                            for e in entries[start..<(start + n)] {
                                overflow[overflowEnd] = e
                                overflowEnd += 1
                            }
                        }
                        start += n
                    }
                }
            }
        }
        self.paddedClassCount = padded
        self.dense = dense ?? LargeTable([])
        self.denseEntries = denseEntries
        self.denseStarts = denseStarts
        self.mask = mask
        self.overflow = overflow ?? LargeTable([])
    }

    /// The classes whose scores a caller reads: `needed`, except those in `skipped`. Scores of
    /// other classes are left incomplete (dense rows skip them).
    struct Classes {
        var needed: Range<Int>
        var skipped: Range<Int> = 0..<0

        static func all(_ count: Int) -> Classes { Classes(needed: 0..<count) }
    }

    /// Adds the weights of `features` to `scores` (which must have `paddedClassCount` elements)
    /// for the classes in `classes` (at least; others may get part of their weights).
    ///
    /// Each class's weights are added in the order of the features, so the sums (and the
    /// predictions) do not depend on the table's layout. Three passes: prefetch every feature's
    /// home slot and the slot after it (the next cache line when the home ends one: a collision
    /// probes on there), so that their cache misses overlap; resolve collisions, keep the rows
    /// found and prefetch the first and last entries of each `overflow` row (again all at once,
    /// instead of one miss after another while adding); then add the rows. Prefetches, unlike
    /// loads, do not hold up the instructions after them until the data arrives, so a pass issues
    /// all of its misses at once (analysis of the example article about 1.2× faster than with
    /// loads in the first pass, median of interleaved runs). Consecutive dense rows are added up
    /// to four at a time, each block of four classes summed in a register (in feature order) and
    /// stored once.
    @inline(__always)
    func score(
        _ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Float>, classes: Classes
    ) {
        let scale = self.scale
        let mask = self.mask
        let count = features.count
        // Dense rows are added in blocks of four classes: blocks lo..<skipLo and skipHi..<hi.
        let lo = max(0, classes.needed.lowerBound) / 4
        let hi = (min(paddedClassCount, classes.needed.upperBound) + 3) / 4
        var skipLo = hi
        var skipHi = hi
        if !classes.skipped.isEmpty {
            skipLo = max(lo, min(hi, (classes.skipped.lowerBound + 3) / 4))
            skipHi = max(skipLo, min(hi, classes.skipped.upperBound / 4))
        }
        withUnsafeTemporaryAllocation(of: Slot.self, capacity: count) { found in
            guard let found = found.baseAddress else { return }
            var rows = 0
            slots.withUnsafeBufferPointer { slots in
                overflow.withUnsafeBufferPointer { overflow in
                    guard let slots = slots.baseAddress, let features = features.baseAddress,
                        let overflow = overflow.baseAddress
                    else { return }
                    for f in 0..<count {
                        let home = Int(truncatingIfNeeded: features[f]) & mask
                        prefetchCacheLine(slots + home)
                        prefetchCacheLine(slots + (home &+ 1) & mask)
                    }
                    for f in 0..<count {
                        let feature = features[f]
                        var i = Int(truncatingIfNeeded: feature) & mask
                        var slot = slots[i]
                        while slot.key != feature && slot.key != 0 {
                            i = (i &+ 1) & mask
                            slot = slots[i]
                        }
                        if slot.key == 0 { continue }
                        if slot.b & 0xFF == Self.overflowTag {
                            let start = Int(slot.a)
                            prefetchCacheLine(overflow + start)
                            prefetchCacheLine(overflow + (start &+ Int(slot.b >> 8) &- 1))
                        }
                        found[rows] = slot
                        rows += 1
                    }
                }
            }
            @inline(__always) func add(_ packed: UInt32) {
                scores[Int(packed & 0xFF)] += Self.weight(packed, scale)
            }
            guard let out = UnsafeMutableRawPointer(scores.baseAddress) else { return }
            // Adds `k` (1 to 4) dense rows `p0`, `p1`, ... to blocks `from..<to` of the scores.
            @inline(__always) func addBlocks(
                _ k: Int, _ p0: UnsafeRawPointer, _ p1: UnsafeRawPointer, _ p2: UnsafeRawPointer,
                _ p3: UnsafeRawPointer, _ from: Int, _ to: Int
            ) {
                @inline(__always) func load(_ p: UnsafeRawPointer, _ offset: Int) -> SIMD4<Float> {
                    p.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
                }
                var offset = from &* 16
                let end = to &* 16
                let o = UnsafeRawPointer(out)
                switch k {
                case 1:
                    while offset < end {
                        let x = load(o, offset) + load(p0, offset)
                        out.storeBytes(of: x, toByteOffset: offset, as: SIMD4<Float>.self)
                        offset &+= 16
                    }
                case 2:
                    while offset < end {
                        let x = load(o, offset) + load(p0, offset) + load(p1, offset)
                        out.storeBytes(of: x, toByteOffset: offset, as: SIMD4<Float>.self)
                        offset &+= 16
                    }
                case 3:
                    while offset < end {
                        let x = load(o, offset) + load(p0, offset) + load(p1, offset) + load(p2, offset)
                        out.storeBytes(of: x, toByteOffset: offset, as: SIMD4<Float>.self)
                        offset &+= 16
                    }
                default:
                    while offset < end {
                        let x =
                            load(o, offset) + load(p0, offset) + load(p1, offset) + load(p2, offset)
                            + load(p3, offset)
                        out.storeBytes(of: x, toByteOffset: offset, as: SIMD4<Float>.self)
                        offset &+= 16
                    }
                }
            }
            overflow.withUnsafeBufferPointer { overflow in
                dense.withUnsafeBufferPointer { dense in
                    guard let overflow = overflow.baseAddress, let dense = dense.baseAddress else { return }
                    let stride = paddedClassCount
                    @inline(__always) func isDense(_ r: Int) -> Bool { r < rows && found[r].b & 0xFF == Self.denseTag }
                    @inline(__always) func row(_ r: Int) -> UnsafeRawPointer {
                        UnsafeRawPointer(dense + Int(found[r].a) &* stride)
                    }
                    var r = 0
                    while r < rows {
                        let slot = found[r]
                        switch slot.b & 0xFF {
                        case Self.singleTag:
                            add(slot.a)
                            r &+= 1
                        case Self.denseTag:
                            // Up to four consecutive dense rows.
                            let p0 = row(r)
                            var p1 = p0
                            var p2 = p0
                            var p3 = p0
                            var k = 1
                            if isDense(r &+ 1) {
                                p1 = row(r &+ 1)
                                k = 2
                                if isDense(r &+ 2) {
                                    p2 = row(r &+ 2)
                                    k = 3
                                    if isDense(r &+ 3) {
                                        p3 = row(r &+ 3)
                                        k = 4
                                    }
                                }
                            }
                            addBlocks(k, p0, p1, p2, p3, lo, skipLo)
                            addBlocks(k, p0, p1, p2, p3, skipHi, hi)
                            r &+= k
                        case Self.overflowTag:
                            let start = Int(slot.a)
                            for e in start..<(start &+ Int(slot.b >> 8)) { add(overflow[e]) }
                            r &+= 1
                        default:
                            add(slot.a)
                            add(slot.b)
                            r &+= 1
                        }
                    }
                }
            }
        }
    }

    /// The weight of a packed entry.
    @inline(__always)
    static func weight(_ packed: UInt32, _ scale: Float) -> Float {
        Float(Int32(bitPattern: packed) >> 8) * scale
    }

    /// The packed entries of a slot's row, in class order.
    func entries(of slot: Slot) -> [UInt32] {
        switch slot.b & 0xFF {
        case Self.singleTag:
            return [slot.a]
        case Self.overflowTag:
            return Array(overflow[Int(slot.a)..<(Int(slot.a) + Int(slot.b >> 8))])
        case Self.denseTag:
            return Array(denseEntries[denseStarts[Int(slot.a)]..<denseStarts[Int(slot.a) + 1]])
        default:
            return [slot.a, slot.b]
        }
    }

    /// The rows in key order: (key, entries).
    func sortedRows() -> [(key: UInt64, entries: [UInt32])] {
        slots.filter { $0.key != 0 }.sorted { $0.key < $1.key }.map { ($0.key, entries(of: $0)) }
    }

    // MARK: Encoding

    func encode(to writer: inout ByteWriter) {
        writer.append(UInt32(classCount))
        writer.append(scale)
        let rows = sortedRows()
        writer.append(array: rows.map(\.key))
        writer.append(array: rows.map { UInt8($0.entries.count) })
        var ordered: [UInt32] = []
        ordered.reserveCapacity(entryCount)
        for row in rows { ordered.append(contentsOf: row.entries) }
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

/// Asks the processor to bring the cache line at `address` into its caches, for reading soon.
/// Unlike a load, a prefetch retires at once, so a loop of them issues every miss without
/// filling the reorder buffer with loads waiting for their data.
@inline(__always)
func prefetchCacheLine(_ address: UnsafeRawPointer) {
    llvmPrefetch(address, 0, 3, 1)  // a read, to be kept in all cache levels, of data
}

/// LLVM's prefetch intrinsic, which Swift does not expose. Its last three arguments must be
/// constants in the generated code, so it is only called with literals (`prefetchCacheLine`).
@_silgen_name("llvm.prefetch.p0")
private func llvmPrefetch(_ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ cache: Int32)

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
            rows.append((row.key, row.entries.map { (Int($0 & 0xFF), Float(Int32(bitPattern: $0) >> 8) * scale) }))
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
