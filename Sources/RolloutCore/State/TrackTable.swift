/// Every office's track, by batch and then by office.
///
/// One dictionary per batch rather than one keyed by (batch, office): at
/// national scale (40,000 offices × 5 batches) each batch's table stays a
/// compact 40,000 entries, which halves the memory of one 200,000-entry table
/// and keeps the offices a command touches close together.
package struct TrackTable: Equatable, Sendable, Sequence {
    /// Batch id → office id → track; a batch with no tracks has no entry.
    private var byBatch: [String: [String: Track]] = [:]

    package init() {}

    package subscript(key: TrackKey) -> Track? {
        byBatch[key.batch]?[key.office]
    }

    /// Changes the track of `key` in place, starting from an empty track when
    /// there is none; a track left empty is dropped.
    package mutating func update(_ key: TrackKey, _ body: (inout Track) -> Void) {
        body(&byBatch[key.batch, default: [:]][key.office, default: Track()])
        if byBatch[key.batch]?[key.office]?.isEmpty == true { byBatch[key.batch]?[key.office] = nil }
        if byBatch[key.batch]?.isEmpty == true { byBatch[key.batch] = nil }
    }

    /// The tracks of one batch, by office id.
    package func tracks(inBatch batch: String) -> [String: Track] { byBatch[batch] ?? [:] }

    /// The batches that have at least one track.
    package var batches: [String] { Array(byBatch.keys) }

    package var keys: [TrackKey] { map(\.key) }

    /// Adds the tracks of `other`, which win where both have one.
    package mutating func merge(_ other: TrackTable) {
        for (batch, offices) in other.byBatch {
            if byBatch[batch] == nil { byBatch[batch] = offices } else { byBatch[batch]?.merge(offices) { $1 } }
        }
    }

    /// Only the tracks of one batch.
    package func only(batch: String) -> TrackTable {
        var table = TrackTable()
        table.byBatch[batch] = byBatch[batch]
        return table
    }

    package func makeIterator() -> Iterator { Iterator(batches: byBatch.makeIterator()) }

    /// Visits every (key, track), batch by batch.
    package struct Iterator: IteratorProtocol {
        var batches: [String: [String: Track]].Iterator
        var batch = ""
        var offices: [String: Track].Iterator?

        package mutating func next() -> (key: TrackKey, value: Track)? {
            while true {
                if let (office, track) = offices?.next() { return (TrackKey(batch: batch, office: office), track) }
                guard let (nextBatch, nextOffices) = batches.next() else { return nil }
                batch = nextBatch
                offices = nextOffices.makeIterator()
            }
        }
    }
}
