/// The kind-specific facts of an entry, typed.
///
/// Stored and hashed as a JSON object of strings (`"detail":{...}` in the
/// canonical encoding, `docs/audit.md`); this type is the one place that
/// names its members. Each member an entry of this release writes has a
/// field; members it never writes are kept in `other`, so an entry from
/// elsewhere encodes to exactly the bytes it was hashed with.
package struct EntryDetail: Equatable, Sendable {
    /// A registration, a removal, or a refused attempt at either: the person's
    /// name (for a refused removal, the login asked for).
    package let name: String?
    /// A registration or removal of a person whose login is not their name: the login.
    package let login: String?
    /// A registration or removal: the person's role (`coordinator`, `office`, `auditor`).
    package let role: String?
    /// A registration of office staff: their office.
    package let office: String?
    /// A correction: the kind of entry it reverses.
    package let reverses: String?
    /// A correction of a resolution: the problem it reopens, as its entry number in text.
    package let problem: String?
    /// A refusal: what was tried, in words (`record live`).
    package let action: String?
    /// A refusal: the reason code (`wrong_role`).
    package let reason: String?
    /// A refusal: the engine's message.
    package let message: String?
    /// A refusal: the action's code, from which replay rebuilds it (`record`, `correct`).
    package let attempt: String?
    /// A refused correction: the entries it named, comma-separated.
    package let targets: String?
    /// An imported milestone (or a refused import): who reported it, as the sheet says; absent when it names no one.
    package let reporter: String?
    /// An imported milestone: the SHA-256 of the imported file.
    package let importSHA256: String?
    /// An imported milestone: the sheet's row, as decimal text.
    package let importRow: String?
    /// Members this release never writes, as found.
    package let other: [String: String]

    /// No facts: milestones, problems, blocks.
    package static let none = EntryDetail()

    package init(
        name: String? = nil, login: String? = nil, role: String? = nil, office: String? = nil, reverses: String? = nil, problem: String? = nil,
        action: String? = nil, reason: String? = nil, message: String? = nil, attempt: String? = nil, targets: String? = nil,
        reporter: String? = nil, importSHA256: String? = nil, importRow: String? = nil, other: [String: String] = [:]
    ) {
        self.name = name
        self.login = login
        self.role = role
        self.office = office
        self.reverses = reverses
        self.problem = problem
        self.action = action
        self.reason = reason
        self.message = message
        self.attempt = attempt
        self.targets = targets
        self.reporter = reporter
        self.importSHA256 = importSHA256
        self.importRow = importRow
        self.other = other
    }

    /// A registration: who, in which role, and office staff's office; the
    /// login only when it is not the name (as every registration before logins).
    package static func registration(_ person: Person) -> EntryDetail {
        EntryDetail(name: person.name, login: person.login == person.name ? nil : person.login, role: person.role.rawValue, office: person.office)
    }

    /// A removal from the register; the login only when it is not the name.
    package static func removal(_ person: Person) -> EntryDetail {
        EntryDetail(name: person.name, login: person.login == person.name ? nil : person.login, role: person.role.rawValue)
    }

    /// The login of the person registered or removed.
    package var personLogin: String? { login ?? name }

    /// A correction reversing an entry of `kind`; `problem` for a reversed resolution.
    package static func reversal(of kind: EntryKind, problem: Int64?) -> EntryDetail {
        EntryDetail(reverses: kind.rawValue, problem: problem.map { String($0) })
    }

    /// A milestone imported from a sheet: where it came from.
    package static func imported(_ source: ImportSource) -> EntryDetail {
        EntryDetail(reporter: source.reporter.isEmpty ? nil : source.reporter, importSHA256: source.fileSHA256, importRow: String(source.row))
    }

    /// A refused attempt: what was tried and why it was refused; a refused
    /// correction names its targets, a refused registration or removal the
    /// person, a refused import its source.
    package static func refusal(
        _ refusal: Refusal, action: String, attempt: String, targets: [Int64]? = nil, name: String? = nil,
        login: String? = nil, role: Role? = nil, source: ImportSource? = nil
    ) -> EntryDetail {
        let imported = source.map(EntryDetail.imported)
        return EntryDetail(
            name: name, login: login == name ? nil : login, role: role?.rawValue, action: action, reason: refusal.reason.rawValue,
            message: refusal.message,
            attempt: attempt, targets: targets.map { $0.map { String($0) }.joined(separator: ",") }, reporter: imported?.reporter,
            importSHA256: imported?.importSHA256, importRow: imported?.importRow)
    }

    /// The facts as stored: key → text.
    package init(members: [String: String]) {
        var other = members
        func take(_ key: String) -> String? { other.removeValue(forKey: key) }
        self.init(
            name: take("name"), login: take("login"), role: take("role"), office: take("office"), reverses: take("reverses"),
            problem: take("problem"),
            action: take("action"), reason: take("reason"), message: take("message"), attempt: take("attempt"),
            targets: take("targets"), reporter: take("reporter"), importSHA256: take("import_sha256"), importRow: take("import_row"),
            other: other)
    }

    /// The facts as stored: key → text.
    package var members: [String: String] {
        var members = other
        let known: [(String, String?)] = [
            ("name", name), ("login", login), ("role", role), ("office", office), ("reverses", reverses), ("problem", problem), ("action", action),
            ("reason", reason), ("message", message), ("attempt", attempt), ("targets", targets), ("reporter", reporter),
            ("import_sha256", importSHA256), ("import_row", importRow),
        ]
        for case let (key, value?) in known { members[key] = value }
        return members
    }

    /// The registered or removed person's role, when it is one.
    package var personRole: Role? { role.flatMap(Role.init(rawValue:)) }

    /// The kind of entry a correction reverses.
    package var reversedKind: EntryKind? { reverses.flatMap(EntryKind.init(rawValue:)) }

    /// The problem a correction of a resolution reopens.
    package var reopenedProblem: Int64? { problem.flatMap { Int64($0) } }

    /// Where an imported milestone came from, when it was imported.
    package var importSource: ImportSource? {
        guard let importSHA256, let row = importRow.flatMap({ Int($0) }) else { return nil }
        return ImportSource(reporter: reporter ?? "", fileSHA256: importSHA256, row: row)
    }

    /// The entries a refused correction named.
    package var targetEntries: [Int64] { (targets ?? "").split(separator: ",").compactMap { Int64($0) } }

    /// The canonical JSON object.
    package var canonical: CanonicalJSON { .object(members.mapValues(CanonicalJSON.string)) }

    /// Appends the canonical object's UTF-8 bytes, members in key order.
    package func writeCanonicalBytes(into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        let members = members
        for (index, key) in members.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            CanonicalJSON.writeString(key, into: &out)
            out.append(UInt8(ascii: ":"))
            CanonicalJSON.writeString(members[key] ?? "", into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}
