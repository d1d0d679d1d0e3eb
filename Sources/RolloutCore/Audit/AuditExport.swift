/// The line-oriented export an auditor can verify without the database
/// (format in `docs/audit.md`): one JSON object per line, first the plan
/// versions, then every entry, then the head.
package enum AuditExport {
    /// A parsed export line.
    package enum Line: Equatable, Sendable {
        case plan(version: String, document: String)
        case entry(Entry)
        case head(count: Int64, hash: String)
    }

    package static func planLine(version: String, document: String) -> String {
        CanonicalJSON.object(["type": .string("plan"), "version": .string(version), "document": .string(document)]).text
    }

    /// The entry's canonical fields plus `type` and `hash`.
    package static func entryLine(_ entry: Entry) -> String {
        guard case .object(var fields) = entry.canonical else { return "" }
        fields["type"] = .string("entry")
        fields["hash"] = .string(entry.hash)
        return CanonicalJSON.object(fields).text
    }

    package static func headLine(count: Int64, hash: String) -> String {
        CanonicalJSON.object(["type": .string("head"), "count": .int(count), "hash": .string(hash)]).text
    }

    /// Parses one line; `number` is its 1-based line number, for messages.
    package static func parse(_ line: String, number: Int) throws(AuditFailure) -> Line {
        try parse(Array(line.utf8), number: number)
    }

    /// Parses one line's bytes (without the LF); `number` is its 1-based line
    /// number, for messages. The bytes must be valid UTF-8 and JSON as strict
    /// as `CanonicalJSONParser` reads it. Each line is read once into a tree
    /// (an export of a national history has a million lines, read twice by the verifier).
    package static func parse(_ line: [UInt8], number: Int) throws(AuditFailure) -> Line {
        if String(validating: line, as: UTF8.self) == nil {
            throw AuditFailure(
                entry: nil, "export line \(number) is not valid UTF-8 (at byte \(firstInvalidUTF8Offset(line) + 1)); expected UTF-8 text")
        }
        let value: CanonicalJSON
        do {
            value = try CanonicalJSONParser.parse(bytes: line)
        } catch {
            throw AuditFailure(entry: nil, "export line \(number) is not valid JSON \(error)")
        }
        guard case .object(let fields) = value, case .string(let type)? = fields["type"] else {
            throw AuditFailure(entry: nil, "export line \(number) is not a JSON object with a \"type\"")
        }
        switch type {
        case "plan":
            guard case .string(let version)? = fields["version"], case .string(let document)? = fields["document"] else {
                throw AuditFailure(entry: nil, "export line \(number): a plan line needs \"version\" and \"document\"")
            }
            return .plan(version: version, document: document)
        case "entry":
            let record: EntryRecord
            do {
                record = try EntryRecord(fields: fields)
            } catch {
                throw AuditFailure(entry: nil, "export line \(number): an entry line lacks a field or has a wrong type (\(error))")
            }
            guard let entry = record.entry else {
                throw AuditFailure(entry: record.seq, "export line \(number) has an unknown kind, role or date")
            }
            return .entry(entry)
        case "head":
            guard case .int(let count)? = fields["count"], case .string(let hash)? = fields["hash"] else {
                throw AuditFailure(entry: nil, "export line \(number): a head line needs \"count\" and \"hash\"")
            }
            return .head(count: count, hash: hash)
        default:
            throw AuditFailure(entry: nil, "export line \(number) has unknown type \"\(type)\"")
        }
    }

    /// The 0-based offset of the first byte of `bytes` that is not part of valid UTF-8.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        return offset
    }
}
