import Foundation

/// The line-oriented export an auditor can verify without the database
/// (format in `docs/audit.md`): one JSON object per line, first the plan
/// versions, then every entry, then the head.
public enum AuditExport {
    /// A parsed export line.
    public enum Line: Equatable, Sendable {
        case plan(version: String, document: String)
        case entry(Entry)
        case head(count: Int64, hash: String)
    }

    public static func planLine(version: String, document: String) -> String {
        CanonicalJSON.object(["type": .string("plan"), "version": .string(version), "document": .string(document)]).text
    }

    /// The entry's canonical fields plus `type` and `hash`.
    public static func entryLine(_ entry: Entry) -> String {
        guard case .object(var fields) = entry.canonical else { return "" }
        fields["type"] = .string("entry")
        fields["hash"] = .string(entry.hash)
        return CanonicalJSON.object(fields).text
    }

    public static func headLine(count: Int64, hash: String) -> String {
        CanonicalJSON.object(["type": .string("head"), "count": .int(count), "hash": .string(hash)]).text
    }

    /// Parses one line; `number` is its 1-based line number, for messages.
    public static func parse(_ line: String, number: Int) throws(AuditFailure) -> Line {
        let decoder = JSONDecoder()
        let data = Data(line.utf8)
        guard let kind = try? decoder.decode(Kind.self, from: data) else {
            throw AuditFailure(entry: nil, "export line \(number) is not a JSON object with a \"type\"")
        }
        switch kind.type {
        case "plan":
            guard let plan = try? decoder.decode(PlanLine.self, from: data) else {
                throw AuditFailure(entry: nil, "export line \(number): a plan line needs \"version\" and \"document\"")
            }
            return .plan(version: plan.version, document: plan.document)
        case "entry":
            let record: EntryRecord
            do {
                record = try decoder.decode(EntryRecord.self, from: data)
            } catch {
                throw AuditFailure(entry: nil, "export line \(number): an entry line lacks a field or has a wrong type (\(error))")
            }
            guard let entry = record.entry else {
                throw AuditFailure(entry: record.seq, "export line \(number) has an unknown kind, role or date")
            }
            return .entry(entry)
        case "head":
            guard let head = try? decoder.decode(HeadLine.self, from: data) else {
                throw AuditFailure(entry: nil, "export line \(number): a head line needs \"count\" and \"hash\"")
            }
            return .head(count: head.count, hash: head.hash)
        default:
            throw AuditFailure(entry: nil, "export line \(number) has unknown type \"\(kind.type)\"")
        }
    }

    private struct Kind: Decodable { var type: String }
    private struct PlanLine: Decodable { var version: String; var document: String }
    private struct HeadLine: Decodable { var count: Int64; var hash: String }
}
