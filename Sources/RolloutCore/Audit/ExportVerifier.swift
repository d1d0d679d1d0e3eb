/// Verifies an export file without the database, in two streaming passes:
/// the first collects which earlier entries corrections name, the second
/// verifies the chain and replays the state machine.
package enum ExportVerifier {
    /// `readLines` calls its argument once per line (bytes without the LF,
    /// 1-based number), e.g. through a `LineSplitter`; it is called twice.
    package static func verify(expectHead: String?, readLines: (_ each: ([UInt8], Int) throws -> Void) throws -> Void) throws -> Verification {
        var needed = Set<Int64>()
        var plans: [String: Plan] = [:]
        var kept: [Int64: Entry] = [:]
        var verifier: AuditVerifier?
        var declaredHead: (count: Int64, hash: String)?
        var lastEntry: Int64 = 0
        // The entry a noted `N:HASH` names, and its hash once read.
        let anchor = expectHead.flatMap(Verification.notedHead)?.seq
        var anchorHash: String?
        do {
            try readLines { text, number in
                guard !text.isEmpty, case .entry(let entry) = try AuditExport.parse(text, number: number) else { return }
                if entry.kind == .correction, let target = entry.target { needed.insert(target) }
                if entry.kind == .refused { needed.formUnion(entry.detail.targetEntries) }
            }
            try readLines { text, number in
                guard !text.isEmpty else { return }
                switch try AuditExport.parse(text, number: number) {
                case .plan(let version, let document):
                    guard verifier == nil else { throw AuditFailure(entry: nil, "export line \(number): plan lines must come before the entries") }
                    plans[version] = try Verification.checkPlan(version: version, document: document)
                case .entry(let entry):
                    if verifier == nil { verifier = AuditVerifier(plans: plans) }
                    try verifier?.feed(entry) { kept[$0] }
                    if needed.contains(entry.seq) { kept[entry.seq] = entry }
                    if entry.seq == anchor { anchorHash = entry.hash }
                    lastEntry = entry.seq
                case .head(let count, let hash):
                    declaredHead = (count, hash)
                }
            }
            var final = verifier ?? AuditVerifier(plans: plans)
            try final.finish { kept[$0] }
            guard let declaredHead else { throw AuditFailure(entry: nil, "the export has no head line: it was cut short") }
            guard declaredHead.count == final.count, declaredHead.hash == final.head else {
                throw AuditFailure(
                    entry: nil,
                    "the export's head line says \(declaredHead.count) entries ending \(declaredHead.hash.prefix(12)), but the entries end at #\(final.count) \(final.head.prefix(12))"
                )
            }
            try Verification.checkHead(expectHead, count: final.count, head: final.head) { $0 == anchor ? anchorHash : nil }
            return Verification(entries: final.count, head: final.head, failure: nil)
        } catch let failure as AuditFailure {
            return Verification(entries: lastEntry, head: verifier?.head ?? Entry.genesisHash, failure: failure)
        }
    }
}
