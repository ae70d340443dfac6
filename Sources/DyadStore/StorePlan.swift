import DyadCoding

/// The SQL both stores run, written once: the statements that store a batch and those that read.
///
/// Storing a batch runs in one transaction, in two steps: read the content hashes already stored
/// for the batch's documents (`hashStatement`), then run `writeStatements(existing:)`. The plan:
/// 1. for each changed document, mark its events dirty and delete its mentions, sentences and row;
/// 2. insert the documents and the sentences their events came from;
/// 3. upsert the distinct events (by source, target, code, date and place), in key order, marking
///    them dirty (in PostgreSQL this locks them in one order, so concurrent ingesters do not
///    deadlock and each sees the others' committed mentions when it recounts);
/// 4. insert the mentions, finding their event by its key;
/// 5. recount the mentions, articles and sources of the dirty events and delete events left with none;
/// 6. clear recorded failures of the stored documents.
struct StorePlan {
    let batch: [CodedDocument]

    /// Keeps the last version of each document id in `documents`, in input order.
    init(_ documents: [CodedDocument]) {
        var last: [String: Int] = [:]
        for (index, coded) in documents.enumerated() { last[coded.document.id] = index }
        batch = documents.enumerated().filter { last[$0.element.document.id] == $0.offset }.map(\.element)
    }

    /// Reads `id, content_hash` of the batch's stored documents.
    var hashStatement: SQLStatement {
        Self.hashStatement(ids: batch.map(\.document.id))
    }

    static func hashStatement(ids: [String]) -> SQLStatement {
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return SQLStatement(
            "SELECT id, content_hash FROM document WHERE id IN (\(marks))", ids.map { .text($0) })
    }

    /// The statements that store the batch, given the hashes already stored, and what they do.
    func writeStatements(existing: [String: String], now: String) -> ([SQLStatement], StoreResult) {
        var result = StoreResult()
        var statements: [SQLStatement] = []
        var toInsert: [CodedDocument] = []
        for coded in batch {
            let id = coded.document.id
            if let hash = existing[id] {
                if hash == coded.contentHash {
                    result.unchanged += 1
                    statements += clearFailure(coded)
                    continue
                }
                result.replaced += 1
                statements.append(
                    SQLStatement(
                        "UPDATE event SET num_mentions = -1 WHERE id IN (SELECT event_id FROM mention WHERE doc_id = ?)",
                        [.text(id)]))
                statements.append(SQLStatement("DELETE FROM mention WHERE doc_id = ?", [.text(id)]))
                statements.append(SQLStatement("DELETE FROM sentence WHERE doc_id = ?", [.text(id)]))
                statements.append(SQLStatement("DELETE FROM document WHERE id = ?", [.text(id)]))
            } else {
                result.inserted += 1
            }
            toInsert.append(coded)
        }
        guard !toInsert.isEmpty || result.replaced > 0 else { return (statements, result) }

        var keyed: [EventKey: Event] = [:]
        for coded in toInsert {
            let document = coded.document
            statements.append(
                SQLStatement(
                    """
                    INSERT INTO document (id, content_hash, date, url, source, text, mention_count, ingested_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(document.id), .text(coded.contentHash), StoreValue(document.date?.description),
                        StoreValue(document.url), StoreValue(document.source), .text(document.text),
                        .int(Int64(coded.events.count)), .text(now),
                    ]))
            var sentences: Set<Int> = []
            for event in coded.events where sentences.insert(event.sentence).inserted {
                statements.append(
                    SQLStatement(
                        "INSERT INTO sentence (doc_id, sentence, span_start, span_end, text) VALUES (?, ?, ?, ?, ?)",
                        [
                            .text(document.id), .int(Int64(event.sentence)), .int(Int64(event.span.start)),
                            .int(Int64(event.span.end)), .text(event.text),
                        ]))
            }
            for event in coded.events {
                let key = EventKey(event)
                if keyed[key] == nil { keyed[key] = event }
            }
        }
        for key in keyed.keys.sorted() {
            guard let event = keyed[key] else { continue }
            statements.append(
                SQLStatement(
                    """
                    INSERT INTO event (source_code, target_code, code, event_date, place_key, root, name, plover,
                    goldstein, quad_class, date_key, epoch_day, place_name, place_country, place_lat, place_lon,
                    num_mentions, num_articles, num_sources, added)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, -1, 0, 0, ?)
                    ON CONFLICT (source_code, target_code, code, event_date, place_key) DO UPDATE SET num_mentions = -1
                    """,
                    key.values + [
                        .text(event.root), .text(event.name), StoreValue(event.plover), StoreValue(event.goldstein),
                        .int(Int64(event.quadClass)), .int(event.date.dateKey), StoreValue(event.date.epochDay),
                        StoreValue(event.place?.name), StoreValue(event.place?.country), StoreValue(event.place?.lat),
                        StoreValue(event.place?.lon), .text(now),
                    ]))
        }
        for coded in toInsert {
            for event in coded.events {
                result.mentions += 1
                statements.append(
                    SQLStatement(
                        """
                        INSERT INTO mention (event_id, doc_id, news_source, sentence, source_text, source_name,
                        target_text, target_name, date_text, place_from, quote_speaker, quote_name, quote_cue,
                        quote_text, quote_start, quote_end, pattern)
                        SELECT id, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS TEXT),
                        CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),
                        CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT),
                        CAST(? AS BIGINT), CAST(? AS TEXT)
                        FROM event WHERE source_code = ? AND target_code = ? AND code = ? AND event_date = ?
                        AND place_key = ?
                        """,
                        [
                            .text(coded.document.id), StoreValue(coded.document.source), .int(Int64(event.sentence)),
                            .text(event.source.text), StoreValue(event.source.name), .text(event.target.text),
                            StoreValue(event.target.name), StoreValue(event.dateText), StoreValue(event.place?.from),
                            StoreValue(event.quote?.speaker), StoreValue(event.quote?.name),
                            StoreValue(event.quote?.cue), StoreValue(event.quote?.text),
                            StoreValue(event.quote?.span.start), StoreValue(event.quote?.span.end),
                            .text(event.pattern),
                        ] + EventKey(event).values))
            }
        }
        statements.append(
            SQLStatement(
                """
                UPDATE event SET
                num_mentions = (SELECT COUNT(*) FROM mention m WHERE m.event_id = event.id),
                num_articles = (SELECT COUNT(DISTINCT m.doc_id) FROM mention m WHERE m.event_id = event.id),
                num_sources = (SELECT COUNT(DISTINCT COALESCE(m.news_source, '')) FROM mention m
                WHERE m.event_id = event.id)
                WHERE num_mentions <= 0
                """))
        statements.append(SQLStatement("DELETE FROM event WHERE num_mentions <= 0"))
        for coded in toInsert { statements += clearFailure(coded) }
        return (statements, result)
    }

    private func clearFailure(_ coded: CodedDocument) -> [SQLStatement] {
        [
            SQLStatement(
                "DELETE FROM failure WHERE doc_id = ? OR location = ?",
                [.text(coded.document.id), .text(coded.location ?? coded.document.id)])
        ]
    }

    // MARK: Reading

    /// The event columns `storedEvents(eventRows:mentionRows:)` reads, in order.
    static let eventColumns = """
        id, source_code, target_code, code, root, name, plover, goldstein, quad_class, event_date, place_name, \
        place_country, place_lat, place_lon, num_mentions, num_articles, num_sources, added
        """

    /// Up to `limit` events matching `filter` with an id above `after`, by id.
    static func eventsStatement(_ filter: EventFilter, after: Int64, limit: Int) -> SQLStatement {
        let (conditions, values) = filter.whereClause()
        let more = conditions.isEmpty ? "" : " AND " + conditions
        return SQLStatement(
            "SELECT \(eventColumns) FROM event WHERE id > ?\(more) ORDER BY id LIMIT ?",
            [.int(after)] + values + [.int(Int64(limit))])
    }

    /// The number of events matching `filter`.
    static func countStatement(_ filter: EventFilter) -> SQLStatement {
        let (conditions, values) = filter.whereClause()
        return SQLStatement(
            "SELECT COUNT(*) FROM event" + (conditions.isEmpty ? "" : " WHERE " + conditions), values)
    }

    /// The mentions of the events `ids`, by event then age.
    static func mentionsStatement(eventIDs ids: [Int64]) -> SQLStatement {
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return SQLStatement(
            """
            SELECT m.event_id, m.doc_id, m.sentence, s.span_start, s.span_end, s.text, m.source_text, m.source_name,
            m.target_text, m.target_name, m.date_text, m.place_from, m.quote_speaker, m.quote_name, m.quote_cue,
            m.quote_text, m.quote_start, m.quote_end, m.pattern, d.source, d.url
            FROM mention m JOIN sentence s ON s.doc_id = m.doc_id AND s.sentence = m.sentence
            JOIN document d ON d.id = m.doc_id
            WHERE m.event_id IN (\(marks)) ORDER BY m.event_id, m.id
            """, ids.map { .int($0) })
    }

    /// Builds stored events from the rows of `eventsStatement` and `mentionsStatement`.
    static func storedEvents(eventRows: [StoreRow], mentionRows: [StoreRow]) -> [StoredEvent] {
        var mentions: [Int64: [EventMention]] = [:]
        for row in mentionRows {
            let quote: EventQuote? = row[15].text.map { text in
                EventQuote(
                    speaker: row[12].text ?? "", name: row[13].text, cue: row[14].text, text: text,
                    span: TextSpan(start: Int(row[16].int ?? 0), end: Int(row[17].int ?? 0)))
            }
            let mention = EventMention(
                doc: row[1].text ?? "", sentence: Int(row[2].int ?? 0),
                span: TextSpan(start: Int(row[3].int ?? 0), end: Int(row[4].int ?? 0)), text: row[5].text ?? "",
                source: EventActor(code: "", text: row[6].text ?? "", name: row[7].text),
                target: EventActor(code: "", text: row[8].text ?? "", name: row[9].text),
                dateText: row[10].text, placeFrom: row[11].text, quote: quote, pattern: row[18].text ?? "",
                newsSource: row[19].text, url: row[20].text)
            mentions[row[0].int ?? 0, default: []].append(mention)
        }
        return eventRows.map { row in
            let id = row[0].int ?? 0
            let sourceCode = row[1].text ?? ""
            let targetCode = row[2].text ?? ""
            var eventMentions = mentions[id] ?? []
            for index in eventMentions.indices {
                eventMentions[index].source.code = sourceCode
                eventMentions[index].target.code = targetCode
            }
            let first = eventMentions.first
            let place: EventPlace? = row[10].text.map { name in
                EventPlace(
                    name: name, country: row[11].text, lat: row[12].double ?? 0, lon: row[13].double ?? 0,
                    from: first?.placeFrom ?? "text")
            }
            let date = row[9].text.flatMap { EventDate($0) } ?? EventDate(year: 0)
            let event = Event(
                doc: first?.doc ?? "", sentence: first?.sentence ?? 0, span: first?.span ?? TextSpan(start: 0, end: 0),
                text: first?.text ?? "", source: first?.source ?? EventActor(code: sourceCode, text: ""),
                target: first?.target ?? EventActor(code: targetCode, text: ""), code: row[3].text ?? "",
                root: row[4].text ?? "", name: row[5].text ?? "", plover: row[6].text, goldstein: row[7].double,
                quadClass: Int(row[8].int ?? 0), date: date, dateText: first?.dateText, place: place,
                quote: first?.quote, pattern: first?.pattern ?? "")
            return StoredEvent(
                id: id, event: event, numMentions: Int(row[14].int ?? 0), numArticles: Int(row[15].int ?? 0),
                numSources: Int(row[16].int ?? 0), added: row[17].text ?? "", mentions: eventMentions)
        }
    }

    /// Upserts failure records.
    static func failureStatements(_ failures: [IngestFailure]) -> [SQLStatement] {
        failures.map {
            SQLStatement(
                """
                INSERT INTO failure (location, doc_id, reason, failed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (location) DO UPDATE SET doc_id = excluded.doc_id, reason = excluded.reason,
                failed_at = excluded.failed_at
                """, [.text($0.location), StoreValue($0.doc), .text($0.reason), .text($0.failedAt)])
        }
    }

    static let failuresStatement = SQLStatement(
        "SELECT location, doc_id, reason, failed_at FROM failure ORDER BY failed_at, location")

    static func failures(_ rows: [StoreRow]) -> [IngestFailure] {
        rows.map {
            IngestFailure(
                location: $0[0].text ?? "", doc: $0[1].text, reason: $0[2].text ?? "", failedAt: $0[3].text ?? "")
        }
    }

    static let statisticsStatement = SQLStatement(
        """
        SELECT (SELECT COUNT(*) FROM document), (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM mention),
        (SELECT COUNT(*) FROM failure)
        """)

    static func statistics(_ rows: [StoreRow]) -> StoreStatistics {
        let row = rows.first ?? []
        func int(_ i: Int) -> Int { i < row.count ? Int(row[i].int ?? 0) : 0 }
        return StoreStatistics(documents: int(0), events: int(1), mentions: int(2), failures: int(3))
    }
}

/// What makes two coded events the same real-world event: source, target, code, date and place.
struct EventKey: Hashable, Comparable {
    var source: String
    var target: String
    var code: String
    var date: String
    var place: String

    init(_ event: Event) {
        source = event.source.code
        target = event.target.code
        code = event.code
        date = event.date.description
        place = event.place.map { "\($0.name)|\($0.country ?? "")" } ?? ""
    }

    var values: [StoreValue] { [.text(source), .text(target), .text(code), .text(date), .text(place)] }

    static func < (lhs: EventKey, rhs: EventKey) -> Bool {
        (lhs.source, lhs.target, lhs.code, lhs.date, lhs.place) < (
            rhs.source, rhs.target, rhs.code, rhs.date, rhs.place
        )
    }
}
