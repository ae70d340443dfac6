/// A greedy arc-eager transition parser (root at the end of the buffer) with an averaged
/// perceptron over Zhang & Nivre (2011) style features, trained with a dynamic oracle
/// (Goldberg & Nivre 2012).
///
/// Classes: 0 SHIFT, 1 REDUCE, `2 + l` LEFT-ARC with label `l`, `2 + L + l` RIGHT-ARC with label `l`.
struct Parser: Sendable {
    let labels: [String]
    let rootLabel: Int
    let model: LinearModel

    static let featureCount = 78

    var labelCount: Int { labels.count }

    /// Parses words given their word hashes and tags; returns (head, label) with head `n` meaning root.
    func parse(words: [UInt64], tags: [Int]) -> [(head: Int, label: Int)] {
        let n = words.count
        var state = ParseState(count: n)
        let context = ParseContext(words: words, tags: tags)
        let L = labelCount
        let all = LinearModel.Classes.all(2 + 2 * L)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.featureCount) { features in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: model.paddedClassCount) { scores in
                while !state.isTerminal {
                    if let action = onlyValidAction(state) {
                        state.apply(action, labelCount: L)
                        continue
                    }
                    state.features(context, into: features)
                    scores.initialize(repeating: 0)
                    // Only the scores of the actions `bestValid` may choose are needed: the stack
                    // is not empty and the buffer not at its end (`onlyValidAction`), and there is
                    // no LEFT-ARC once the stack top has a head.
                    var classes = all
                    if state.heads[state.stack[state.stack.count - 1]] >= 0 {
                        classes.skipped = 2..<(2 + L)
                    }
                    model.score(UnsafeBufferPointer(features), into: scores, classes: classes)
                    let action = bestValid(state, UnsafeBufferPointer(scores))
                    state.apply(action, labelCount: L)
                }
            }
        }
        return (0..<n).map { (state.heads[$0], state.labels[$0]) }
    }

    /// The action `bestValid` takes whatever the scores, when it has no choice: SHIFT on an empty
    /// stack and, at the end of the buffer, REDUCE when the stack top has a head, else LEFT-ARC
    /// with the root label. Parsing takes it without computing features or scores.
    @inline(__always)
    func onlyValidAction(_ state: ParseState) -> Int? {
        if state.stack.isEmpty { return 0 }
        guard state.b == state.n else { return nil }
        return state.heads[state.stack[state.stack.count - 1]] >= 0 ? 1 : 2 + rootLabel
    }

    /// The highest-scoring action allowed in `state`.
    @inline(__always)
    func bestValid(_ state: ParseState, _ scores: [Float]) -> Int {
        scores.withUnsafeBufferPointer { bestValid(state, $0) }
    }

    /// The highest-scoring action allowed in `state`.
    @inline(__always)
    func bestValid(_ state: ParseState, _ scores: UnsafeBufferPointer<Float>) -> Int {
        var best = -1
        var bestScore = -Float.infinity
        let L = labelCount
        let canShift = state.b < state.n
        let hasStack = !state.stack.isEmpty
        let s0HasHead = hasStack && state.heads[state.stack[state.stack.count - 1]] >= 0
        if canShift && scores[0] > bestScore {
            best = 0
            bestScore = scores[0]
        }
        if hasStack {
            if s0HasHead {
                if scores[1] > bestScore || best < 0 {
                    best = 1
                    bestScore = scores[1]
                }
            } else {
                if state.b == state.n {
                    if scores[2 + rootLabel] > bestScore || best < 0 {
                        best = 2 + rootLabel
                        bestScore = scores[2 + rootLabel]
                    }
                } else {
                    for l in 0..<L where l != rootLabel && scores[2 + l] > bestScore {
                        best = 2 + l
                        bestScore = scores[2 + l]
                    }
                }
            }
            if canShift {
                for l in 0..<L where l != rootLabel && scores[2 + L + l] > bestScore {
                    best = 2 + L + l
                    bestScore = scores[2 + L + l]
                }
            }
        }
        return best
    }

    func encode(to writer: inout ByteWriter) {
        writer.append(strings: labels)
        writer.append(UInt32(rootLabel))
        model.encode(to: &writer)
    }

    init(labels: [String], rootLabel: Int, model: LinearModel) {
        self.labels = labels
        self.rootLabel = rootLabel
        self.model = model
    }

    init(from reader: inout ByteReader) throws {
        let labels = try reader.strings()
        let root = Int(try reader.uint32())
        let model = try LinearModel(from: &reader)
        guard root < labels.count, model.classCount == 2 + 2 * labels.count else {
            throw reader.error("parser labels do not match its classes")
        }
        self.init(labels: labels, rootLabel: root, model: model)
    }
}

/// The per-word inputs of the parser's features.
struct ParseContext {
    let words: [UInt64]
    let tags: [UInt64]

    init(words: [UInt64], tags: [Int]) {
        self.words = words
        self.tags = tags.map { UInt64($0) &+ 1000 }
    }
}

/// An arc-eager configuration: stack, buffer front, the arcs so far and child bookkeeping.
struct ParseState {
    let n: Int
    var stack: [Int] = []
    var b = 0
    var heads: [Int]
    var labels: [Int]
    var leftmost: [Int], leftmost2: [Int], rightmost: [Int], rightmost2: [Int]
    var leftCount: [Int], rightCount: [Int]
    var leftLabels: [UInt64], rightLabels: [UInt64]
    var inStack: [Bool]

    init(count n: Int) {
        self.n = n
        let size = n + 1
        heads = [Int](repeating: -1, count: size)
        labels = [Int](repeating: -1, count: size)
        leftmost = [Int](repeating: -1, count: size)
        leftmost2 = leftmost
        rightmost = leftmost
        rightmost2 = leftmost
        leftCount = [Int](repeating: 0, count: size)
        rightCount = leftCount
        leftLabels = [UInt64](repeating: 0, count: size)
        rightLabels = leftLabels
        inStack = [Bool](repeating: false, count: size)
        stack.reserveCapacity(n)
    }

    var isTerminal: Bool { b >= n && stack.isEmpty }

    mutating func addArc(head h: Int, dependent d: Int, label: Int) {
        heads[d] = h
        labels[d] = label
        let bit = UInt64(1) << UInt64(label & 63)
        if d < h {
            leftCount[h] += 1
            leftLabels[h] |= bit
            if leftmost[h] < 0 || d < leftmost[h] {
                leftmost2[h] = leftmost[h]
                leftmost[h] = d
            } else if leftmost2[h] < 0 || d < leftmost2[h] {
                leftmost2[h] = d
            }
        } else {
            rightCount[h] += 1
            rightLabels[h] |= bit
            if rightmost[h] < 0 || d > rightmost[h] {
                rightmost2[h] = rightmost[h]
                rightmost[h] = d
            } else if rightmost2[h] < 0 || d > rightmost2[h] {
                rightmost2[h] = d
            }
        }
    }

    mutating func apply(_ action: Int, labelCount L: Int) {
        switch action {
        case 0:
            stack.append(b)
            inStack[b] = true
            b += 1
        case 1:
            let s = stack.removeLast()
            inStack[s] = false
        case 2..<(2 + L):
            let s = stack.removeLast()
            inStack[s] = false
            addArc(head: b, dependent: s, label: action - 2)
        default:
            let s = stack[stack.count - 1]
            addArc(head: s, dependent: b, label: action - 2 - L)
            stack.append(b)
            inStack[b] = true
            b += 1
        }
    }

    /// Costs of the four moves under the dynamic oracle (arcs lost by taking them), -1 when invalid.
    func moveCosts(gold: [Int]) -> (shift: Int, reduce: Int, left: Int, right: Int) {
        var shift = -1, reduce = -1, left = -1, right = -1
        let hasStack = !stack.isEmpty
        let s0 = hasStack ? stack[stack.count - 1] : -1
        if b < n {
            var c = 0
            for k in stack {
                if gold[k] == b && heads[k] < 0 { c += 1 }
                if gold[b] == k { c += 1 }
            }
            shift = c
        }
        if hasStack {
            // Dependents of s0 still in the buffer are lost by popping it.
            var dependentsInBuffer = 0
            var k = b
            while k < n {
                if gold[k] == s0 { dependentsInBuffer += 1 }
                k += 1
            }
            if heads[s0] >= 0 {
                reduce = dependentsInBuffer
            } else {
                let g = gold[s0]
                left = dependentsInBuffer + ((g != b && g > b) ? 1 : 0)
            }
            if b < n {
                let g = gold[b]
                var c = (g != s0 && (g > b || (g < b && inStack[g]))) ? 1 : 0
                for k in stack where gold[k] == b && heads[k] < 0 { c += 1 }
                right = c
            }
        }
        return (shift, reduce, left, right)
    }

    // MARK: Features

    @inline(__always)
    func features(_ context: ParseContext, into out: UnsafeMutableBufferPointer<UInt64>) {
        let none: UInt64 = 11
        let rootWord: UInt64 = 13
        let words = context.words
        let tags = context.tags
        @inline(__always) func W(_ i: Int) -> UInt64 { i < 0 ? none : (i == n ? rootWord : words[i]) }
        @inline(__always) func P(_ i: Int) -> UInt64 { i < 0 ? none : (i == n ? rootWord : tags[i]) }
        @inline(__always) func Lb(_ i: Int) -> UInt64 { i < 0 || labels[i] < 0 ? none : UInt64(labels[i]) &+ 500 }
        @inline(__always) func at(_ array: [Int], _ i: Int) -> Int { i < 0 ? -1 : array[i] }

        let s0 = stack.isEmpty ? -1 : stack[stack.count - 1]
        let s1 = stack.count >= 2 ? stack[stack.count - 2] : -1
        let n0 = b <= n ? b : -1
        let n1 = b + 1 <= n ? b + 1 : -1
        let n2 = b + 2 <= n ? b + 2 : -1
        let s0h = s0 >= 0 && heads[s0] >= 0 && heads[s0] < n ? heads[s0] : -1
        let s0h2 = s0h >= 0 && heads[s0h] >= 0 && heads[s0h] < n ? heads[s0h] : -1
        let s0l = at(leftmost, s0), s0r = at(rightmost, s0)
        let s0l2 = at(leftmost2, s0), s0r2 = at(rightmost2, s0)
        let n0l = at(leftmost, n0), n0l2 = at(leftmost2, n0)

        let s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0)
        let n1w = W(n1), n1p = P(n1), n2w = W(n2), n2p = P(n2)
        let s1w = W(s1), s1p = P(s1)
        var distance: UInt64 = 0
        if s0 >= 0 && n0 >= 0 {
            let d = n0 - s0
            distance = UInt64(d < 5 ? d : (d < 10 ? 5 : 6))
        }
        let s0vl = UInt64(s0 >= 0 ? min(leftCount[s0], 5) : 0)
        let s0vr = UInt64(s0 >= 0 ? min(rightCount[s0], 5) : 0)
        let n0vl = UInt64(n0 >= 0 ? min(leftCount[n0], 5) : 0)
        let s0sl = s0 >= 0 ? leftLabels[s0] : 0
        let s0sr = s0 >= 0 ? rightLabels[s0] : 0
        let n0sl = n0 >= 0 ? leftLabels[n0] : 0

        var k = 0
        @inline(__always) func add(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) {
            out[k] = FeatureHash.feature(template &+ 100, a, b, c)
            k += 1
        }
        add(0, 0)
        // Single words.
        add(1, s0w, s0p)
        add(2, s0w)
        add(3, s0p)
        add(4, n0w, n0p)
        add(5, n0w)
        add(6, n0p)
        add(7, n1w, n1p)
        add(8, n1w)
        add(9, n1p)
        add(10, n2w, n2p)
        add(11, n2w)
        add(12, n2p)
        // Pairs.
        add(13, FeatureHash.mix(s0w, s0p), FeatureHash.mix(n0w, n0p))
        add(14, FeatureHash.mix(s0w, s0p), n0w)
        add(15, s0w, FeatureHash.mix(n0w, n0p))
        add(16, FeatureHash.mix(s0w, s0p), n0p)
        add(17, s0p, FeatureHash.mix(n0w, n0p))
        add(18, s0w, n0w)
        add(19, s0p, n0p)
        add(20, n0p, n1p)
        // Triples of tags.
        add(21, n0p, n1p, n2p)
        add(22, s0p, n0p, n1p)
        add(23, P(s0h), s0p, n0p)
        add(24, s0p, P(s0l), n0p)
        add(25, s0p, P(s0r), n0p)
        add(26, s0p, n0p, P(n0l))
        // Distance.
        add(27, s0w, distance)
        add(28, s0p, distance)
        add(29, n0w, distance)
        add(30, n0p, distance)
        add(31, FeatureHash.mix(s0w, n0w), distance)
        add(32, FeatureHash.mix(s0p, n0p), distance)
        // Valency.
        add(33, s0w, s0vr)
        add(34, s0p, s0vr)
        add(35, s0w, s0vl)
        add(36, s0p, s0vl)
        add(37, n0w, n0vl)
        add(38, n0p, n0vl)
        // Heads and children.
        add(39, W(s0h))
        add(40, P(s0h))
        add(41, Lb(s0))
        add(42, W(s0l))
        add(43, P(s0l))
        add(44, Lb(s0l))
        add(45, W(s0r))
        add(46, P(s0r))
        add(47, Lb(s0r))
        add(48, W(n0l))
        add(49, P(n0l))
        add(50, Lb(n0l))
        // Third order.
        add(51, W(s0h2))
        add(52, P(s0h2))
        add(53, Lb(s0h))
        add(54, W(s0l2))
        add(55, P(s0l2))
        add(56, Lb(s0l2))
        add(57, W(s0r2))
        add(58, P(s0r2))
        add(59, Lb(s0r2))
        add(60, W(n0l2))
        add(61, P(n0l2))
        add(62, Lb(n0l2))
        add(63, s0p, P(s0l), P(s0l2))
        add(64, s0p, P(s0r), P(s0r2))
        add(65, s0p, P(s0h), P(s0h2))
        add(66, n0p, P(n0l), P(n0l2))
        // Label sets.
        add(67, s0w, s0sr)
        add(68, s0p, s0sr)
        add(69, s0w, s0sl)
        add(70, s0p, s0sl)
        add(71, n0w, n0sl)
        add(72, n0p, n0sl)
        // The second stack word.
        add(73, s1w, s1p)
        add(74, s1p, s0p, n0p)
        add(75, s1w, s0w)
        add(76, Lb(s0), s0p, n0p)
        add(77, s0h >= 0 ? 1 : 0, s0p, n0p)
    }
}

/// Trains a `Parser` with the dynamic oracle.
struct ParserTrainer {
    /// One training sentence: word hashes, (predicted) tags, gold heads (`n` = root) and gold labels.
    struct Example {
        var words: [UInt64]
        var tags: [Int]
        var heads: [Int]
        var labels: [Int]
    }

    static func train(
        _ examples: [Example], labels: [String], rootLabel: Int, epochs: Int, seed: UInt64,
        exploration: Double = 0.9, maximumEntries: Int = .max, log: (String) -> Void = { _ in }
    ) -> Parser {
        let L = labels.count
        let perceptron = PerceptronTrainer(classCount: 2 + 2 * L)
        var rng = SplitMix64(seed: seed)
        var order = Array(examples.indices)
        var features = [UInt64](repeating: 0, count: Parser.featureCount)
        var scores = [Float](repeating: 0, count: 2 + 2 * L)
        let shell = Parser(
            labels: labels, rootLabel: rootLabel,
            model: LinearModel(classCount: 2 + 2 * L, rows: []))
        for epoch in 1...max(1, epochs) {
            rng.shuffle(&order)
            var correct = 0
            var total = 0
            for e in order {
                let example = examples[e]
                let n = example.words.count
                let gold = example.heads
                let goldLabels = example.labels
                var state = ParseState(count: n)
                let context = ParseContext(words: example.words, tags: example.tags)
                while !state.isTerminal {
                    features.withUnsafeMutableBufferPointer { state.features(context, into: $0) }
                    perceptron.score(features, into: &scores)
                    let predicted = shell.bestValid(state, scores)
                    // Costs of every valid action.
                    let moves = state.moveCosts(gold: gold)
                    let s0 = state.stack.last ?? -1
                    func cost(_ action: Int) -> Int {
                        switch action {
                        case 0: return moves.shift
                        case 1: return moves.reduce
                        case 2..<(2 + L):
                            guard moves.left >= 0 else { return -1 }
                            let l = action - 2
                            if state.b == n && l != rootLabel { return -1 }
                            if state.b < n && l == rootLabel { return -1 }
                            return moves.left + (gold[s0] == state.b && goldLabels[s0] != l ? 1 : 0)
                        default:
                            guard moves.right >= 0 else { return -1 }
                            let l = action - 2 - L
                            if l == rootLabel { return -1 }
                            return moves.right + (gold[state.b] == s0 && goldLabels[state.b] != l ? 1 : 0)
                        }
                    }
                    var minimum = Int.max
                    var bestGold = -1
                    var bestGoldScore = -Float.infinity
                    var costs = [Int](repeating: -1, count: scores.count)
                    for a in 0..<scores.count {
                        let c = cost(a)
                        costs[a] = c
                        if c >= 0 && c < minimum { minimum = c }
                    }
                    for a in 0..<scores.count where costs[a] == minimum {
                        if bestGold < 0 || scores[a] > bestGoldScore {
                            bestGold = a
                            bestGoldScore = scores[a]
                        }
                    }
                    if costs[predicted] != minimum {
                        perceptron.update(features, good: bestGold, bad: predicted)
                    } else {
                        correct += 1
                    }
                    total += 1
                    perceptron.tick()
                    let explore = epoch > 1 && rng.unit() < exploration
                    let next = explore && costs[predicted] >= 0 ? predicted : bestGold
                    state.apply(next, labelCount: L)
                }
            }
            log(
                "parser epoch \(epoch): \(perceptron.featureCount) features, oracle agreement \(Double(correct * 10000 / max(total, 1)) / 100)%"
            )
        }
        return Parser(labels: labels, rootLabel: rootLabel, model: perceptron.averaged(maximumEntries: maximumEntries))
    }
}
