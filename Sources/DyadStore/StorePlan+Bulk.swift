import DyadCoding
import Foundation

/// The PostgreSQL form of `StorePlan.writeStatements`: the same steps, with each step's rows
/// passed as one JSON array (`jsonb_to_recordset`), so a batch takes a handful of round trips
/// instead of several per event. Values stay bound: the JSON is a parameter.
extension StorePlan {
    func bulkStatements(existing: [String: String], now: String) throws -> ([SQLStatement], StoreResult) {
        var result = StoreResult()
        var replaced: [String] = []
        var toInsert: [CodedDocument] = []
        var unchanged: [CodedDocument] = []
        for coded in batch {
            if let hash = existing[coded.document.id] {
                if hash == coded.contentHash {
                    result.unchanged += 1
                    unchanged.append(coded)
                    continue
                }
                result.replaced += 1
                replaced.append(coded.document.id)
            } else {
                result.inserted += 1
            }
            toInsert.append(coded)
        }
        let encoder = JSONEncoder()
        func json(_ value: some Encodable) throws -> StoreValue {
            .text(String(decoding: try encoder.encode(value), as: UTF8.self))
        }
        var statements: [SQLStatement] = []
        let ids = "SELECT jsonb_array_elements_text(CAST(? AS jsonb))"
        if !replaced.isEmpty {
            let list = try json(replaced)
            statements += [
                SQLStatement(
                    "UPDATE event SET num_mentions = -1 WHERE id IN (SELECT event_id FROM mention WHERE doc_id IN (\(ids)))",
                    [list]),
                SQLStatement("DELETE FROM mention WHERE doc_id IN (\(ids))", [list]),
                SQLStatement("DELETE FROM sentence WHERE doc_id IN (\(ids))", [list]),
                SQLStatement("DELETE FROM document WHERE id IN (\(ids))", [list]),
            ]
        }
        if !toInsert.isEmpty {
            var documents: [BulkDocument] = []
            var sentences: [BulkSentence] = []
            var events: [EventKey: BulkEvent] = [:]
            var mentions: [BulkMention] = []
            for coded in toInsert {
                let document = coded.document
                documents.append(
                    BulkDocument(
                        id: document.id, content_hash: coded.contentHash, date: document.date?.description,
                        url: document.url, source: document.source, text: document.text,
                        mention_count: coded.events.count, ingested_at: now))
                var seen: Set<Int> = []
                for event in coded.events {
                    if seen.insert(event.sentence).inserted {
                        sentences.append(
                            BulkSentence(
                                doc_id: document.id, sentence: event.sentence, span_start: event.span.start,
                                span_end: event.span.end, text: event.text))
                    }
                    let key = EventKey(event)
                    if events[key] == nil { events[key] = BulkEvent(key: key, event: event, added: now) }
                    mentions.append(BulkMention(ord: mentions.count, doc: document, event: event, key: key))
                }
                result.mentions += coded.events.count
            }
            statements.append(
                SQLStatement(
                    """
                    INSERT INTO document (id, content_hash, date, url, source, text, mention_count, ingested_at)
                    SELECT id, content_hash, date, url, source, text, mention_count, ingested_at
                    FROM jsonb_to_recordset(CAST(? AS jsonb)) AS r(id text, content_hash text, date text, url text,
                    source text, text text, mention_count bigint, ingested_at text)
                    """, [try json(documents)]))
            if !sentences.isEmpty {
                statements.append(
                    SQLStatement(
                        """
                        INSERT INTO sentence (doc_id, sentence, span_start, span_end, text)
                        SELECT doc_id, sentence, span_start, span_end, text
                        FROM jsonb_to_recordset(CAST(? AS jsonb)) AS r(doc_id text, sentence bigint, span_start bigint,
                        span_end bigint, text text)
                        """, [try json(sentences)]))
            }
            if !events.isEmpty {
                let sorted = events.keys.sorted().enumerated().compactMap { index, key -> BulkEvent? in
                    guard var event = events[key] else { return nil }
                    event.ord = index
                    return event
                }
                statements.append(
                    SQLStatement(
                        """
                        INSERT INTO event (source_code, target_code, code, event_date, place_key, root, name, plover,
                        goldstein, quad_class, date_key, epoch_day, place_name, place_country, place_lat, place_lon,
                        num_mentions, num_articles, num_sources, added)
                        SELECT source_code, target_code, code, event_date, place_key, root, name, plover, goldstein,
                        quad_class, date_key, epoch_day, place_name, place_country, place_lat, place_lon, -1, 0, 0, added
                        FROM jsonb_to_recordset(CAST(? AS jsonb)) AS r(source_code text, target_code text,
                        code text, event_date text, place_key text, root text, name text, plover text,
                        goldstein double precision, quad_class bigint, date_key bigint, epoch_day bigint, place_name text,
                        place_country text, place_lat double precision, place_lon double precision, added text, ord bigint)
                        ORDER BY ord
                        ON CONFLICT (source_code, target_code, code, event_date, place_key) DO UPDATE SET num_mentions = -1
                        """, [try json(sorted)]))
                statements.append(
                    SQLStatement(
                        """
                        INSERT INTO mention (event_id, doc_id, news_source, sentence, source_text, source_name,
                        target_text, target_name, date_text, place_from, quote_speaker, quote_name, quote_cue,
                        quote_text, quote_start, quote_end, pattern)
                        SELECT e.id, r.doc_id, r.news_source, r.sentence, r.source_text, r.source_name, r.target_text,
                        r.target_name, r.date_text, r.place_from, r.quote_speaker, r.quote_name, r.quote_cue,
                        r.quote_text, r.quote_start, r.quote_end, r.pattern
                        FROM jsonb_to_recordset(CAST(? AS jsonb)) AS r(ord bigint, doc_id text, news_source text,
                        sentence bigint, source_text text, source_name text, target_text text, target_name text,
                        date_text text, place_from text, quote_speaker text, quote_name text, quote_cue text,
                        quote_text text, quote_start bigint, quote_end bigint, pattern text, source_code text,
                        target_code text, code text, event_date text, place_key text)
                        JOIN event e ON e.source_code = r.source_code AND e.target_code = r.target_code
                        AND e.code = r.code AND e.event_date = r.event_date AND e.place_key = r.place_key
                        ORDER BY r.ord
                        """, [try json(mentions)]))
            }
        }
        if !toInsert.isEmpty || !replaced.isEmpty {
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
        }
        let cleared = toInsert + unchanged
        if !cleared.isEmpty {
            statements.append(
                SQLStatement(
                    "DELETE FROM failure WHERE doc_id IN (\(ids)) OR location IN (\(ids))",
                    [try json(cleared.map(\.document.id)), try json(cleared.map { $0.location ?? $0.document.id })]))
        }
        return (statements, result)
    }
}

// Rows as JSON objects, with the column names as keys.

private struct BulkDocument: Encodable {
    var id: String
    var content_hash: String
    var date: String?
    var url: String?
    var source: String?
    var text: String
    var mention_count: Int
    var ingested_at: String
}

private struct BulkSentence: Encodable {
    var doc_id: String
    var sentence: Int
    var span_start: Int
    var span_end: Int
    var text: String
}

private struct BulkEvent: Encodable {
    var source_code: String
    var target_code: String
    var code: String
    var event_date: String
    var place_key: String
    var root: String
    var name: String
    var plover: String?
    var goldstein: Double?
    var quad_class: Int
    var date_key: Int64
    var epoch_day: Int64?
    var place_name: String?
    var place_country: String?
    var place_lat: Double?
    var place_lon: Double?
    var added: String
    var ord = 0

    init(key: EventKey, event: Event, added: String) {
        source_code = key.source
        target_code = key.target
        code = key.code
        event_date = key.date
        place_key = key.place
        root = event.root
        name = event.name
        plover = event.plover
        goldstein = event.goldstein
        quad_class = event.quadClass
        date_key = event.date.dateKey
        epoch_day = event.date.epochDay
        place_name = event.place?.name
        place_country = event.place?.country
        place_lat = event.place?.lat
        place_lon = event.place?.lon
        self.added = added
    }
}

private struct BulkMention: Encodable {
    var ord: Int
    var doc_id: String
    var news_source: String?
    var sentence: Int
    var source_text: String
    var source_name: String?
    var target_text: String
    var target_name: String?
    var date_text: String?
    var place_from: String?
    var quote_speaker: String?
    var quote_name: String?
    var quote_cue: String?
    var quote_text: String?
    var quote_start: Int?
    var quote_end: Int?
    var pattern: String
    var source_code: String
    var target_code: String
    var code: String
    var event_date: String
    var place_key: String

    init(ord: Int, doc: Document, event: Event, key: EventKey) {
        self.ord = ord
        doc_id = doc.id
        news_source = doc.source
        sentence = event.sentence
        source_text = event.source.text
        source_name = event.source.name
        target_text = event.target.text
        target_name = event.target.name
        date_text = event.dateText
        place_from = event.place?.from
        quote_speaker = event.quote?.speaker
        quote_name = event.quote?.name
        quote_cue = event.quote?.cue
        quote_text = event.quote?.text
        quote_start = event.quote?.span.start
        quote_end = event.quote?.span.end
        pattern = event.pattern
        source_code = key.source
        target_code = key.target
        code = key.code
        event_date = key.date
        place_key = key.place
    }
}
