import Foundation
import RolloutApp
import RolloutCore
import RolloutWeb
import TestSupport
import XCTest

/// The templates held to their models: every page template has exactly one
/// model naming it, every key a template reads at top level (outside the
/// sections that change the context, with the partials it includes there) is
/// a property of its model, followed through nested values (`frame.languageLink.href`,
/// `t.board_title` into the string table), and every property of a model is read.
final class PageModelTests: XCTestCase {
    /// One instance of every page model, with each optional value filled, so that a path can be followed through it.
    private static func samples() throws -> [any PageModel] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = Timestamp(iso8601: "2026-09-10T09:00:00+08:00") ?? Timestamp(seconds: 0)
        let service = try RolloutService.create(
            location: folder.appendingPathComponent("web.sqlite").path, plan: try RolloutService.plan(fixtures: nil, year: nil), coordinator: "王敏",
            login: "c001", now: now, replace: false)
        let report = try service.report(batches: [], now: now)
        let t = PageStrings(.zh)
        let frame = PageFrame(
            title: "标题", language: .zh, address: "/board", signedIn: nil, session: "session", messages: [PageFrame.Message(text: "好", error: false)])
        let sections = report.boards.map { BoardSection($0, plan: report.plan, strings: t, linkOffices: true) }
        let choices = [Choice(value: "batch1", label: "第一批", selected: true)]
        let offices = [OfficeChoice(id: "daping", name: "大坪街道", checked: true)]
        let reversals = [CorrectPage.Reversal(seq: 1, what: "milestone batch1 guides_written")]
        return [
            AccountsPage(
                frame: frame, accounts: [AccountsPage.Row(login: "c001", name: "王敏", role: "协调员", office: "", state: "正常", active: true)],
                failures: [AccountsPage.Failure(login: "c001", address: "127.0.0.1", at: "2026-09-10T09:00:00+08:00")], offices: choices),
            BlocksPage(frame: frame, blocked: ["batch1 大坪街道：停电"], offices: offices, batches: choices, key: "key"),
            BoardPage(
                frame: frame, sections: sections, overdue: report.overdue.map { OverdueRow($0, strings: t) }, problems: [], batches: choices,
                asOf: "2026-09-01", knownAt: ""),
            ChangesPage(frame: frame, from: "2026-08-01", to: "2026-08-31", answer: (changes: ["batch1 大坪街道 live"], entries: [])),
            CorrectPage(frame: frame, entry: "1", key: "key", correction: (targets: reversals, dependants: reversals)),
            ErrorPage(frame: frame, message: "no such office", requestID: "request"),
            HistoryPage(frame: frame, entries: [], filters: HistoryRequest(), showFilters: true, isOffice: false, limited: "只显示最近 500 条"),
            ImportPage(frame: frame),
            ImportPreviewPage(
                frame: frame, notice: "moved", summary: "sheet.csv", lines: [], anyAllowed: true, sheet: "", expect: "1", name: "sheet.csv"),
            OfficePage(
                frame: frame, office: "daping", sections: sections, problems: [], ownStaff: true, resolves: true, key: "key", milestones: choices,
                batches: choices),
            PasswordPage(frame: frame, mustChange: true),
            PreviewPage(
                frame: frame, lines: [], anyAllowed: true, key: "key", milestone: "live", batch: "batch1", offices: ["daping"], date: "", note: ""),
            RecordPage(frame: frame, milestones: choices, batches: choices, offices: offices, key: "key"),
            ReportPage(report, language: .zh),
            SignInPage(frame: frame, next: "/board", login: "c001", error: "wrong login or password"),
            VerifyPage(frame: frame, verification: Verification(entries: 1, head: "head", failure: nil)),
        ]
    }

    /// The templates by name, without extension.
    private static func templates() throws -> [String: String] {
        let folder = Repository.root.appendingPathComponent("Sources/RolloutWeb/Templates")
        var templates: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            templates[String(file.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        return templates
    }

    /// One tag: its kind (`#`, `^`, `/`, `>`, `!`, `&`, or none for a value) and what it names.
    private static func tags(_ text: String) -> [(kind: String, name: String)] {
        text.matches(of: /\{\{\{?([#^\/>&!]?)\s*([^{}]*?)\s*\}?\}\}/).map { (String($0.output.1), String($0.output.2)) }
    }

    /// The key a tag reads: `empty(failures)` reads `failures`.
    private static func key(_ name: String) -> (key: String, transformed: Bool) {
        if let inner = name.wholeMatch(of: /\w+\((.+)\)/)?.output.1 { return (String(inner), true) }
        return (name, false)
    }

    /// What the path `key` finds in `model`: a value, nothing (the model lacks it), or a nil on the way.
    private enum Lookup {
        case found(Any)
        case missing
        case throughNil
    }

    private static func lookup(_ key: String, in model: Any) -> Lookup {
        var value: Any = model
        for part in key.split(separator: ".").map(String.init) {
            if let table = value as? [String: String] {
                guard let text = table[part] else { return .missing }
                value = text
                continue
            }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value else { return .throughNil }
                value = wrapped
            }
            guard let child = Mirror(reflecting: value).children.first(where: { $0.label == part }) else { return .missing }
            value = child.value
        }
        return .found(value)
    }

    /// Whether a section over `value` reads its keys from it instead of the page: yes for lists and
    /// structures, no for a flag or a plain value (a section over those only shows or hides).
    private static func changesContext(_ value: Any) -> Bool {
        let plain = ["Bool", "String", "Int", "Int64", "Double"]
        return !(plain + plain.map { "Optional<\($0)>" }).contains(String(describing: type(of: value)))
    }

    /// The keys `template` reads at top level, with the template (or partial) each is in.
    private static func topLevelKeys(_ template: String, _ templates: [String: String], model: Any) -> [(key: String, in: String)] {
        var keys: [(key: String, in: String)] = []
        var sections: [Bool] = []  // per open section: whether it changes the context
        func walk(_ name: String) {
            for tag in tags(templates[name] ?? "") {
                let visible = !sections.contains(true)
                let (key, transformed) = Self.key(tag.name)
                switch tag.kind {
                case "!": continue
                case "/": _ = sections.popLast()
                case ">": if visible { walk(tag.name) }
                case "#":
                    if visible { keys.append((key, name)) }
                    let changes: Bool =
                        if visible, !transformed, case .found(let value) = lookup(key, in: model) { changesContext(value) } else { false }
                    sections.append(changes)
                case "^":
                    if visible { keys.append((key, name)) }
                    sections.append(false)
                default:
                    if visible, key != "." { keys.append((key, name)) }
                }
            }
        }
        walk(template)
        return keys
    }

    /// Every name any tag of `template` and the partials it includes reads, at any depth, each part of a path.
    private static func allNames(_ template: String, _ templates: [String: String], seen: inout Set<String>) -> Set<String> {
        guard seen.insert(template).inserted else { return [] }
        var names: Set<String> = []
        for tag in tags(templates[template] ?? "") where tag.kind != "!" {
            if tag.kind == ">" {
                names.formUnion(allNames(tag.name, templates, seen: &seen))
            } else {
                names.formUnion(key(tag.name).key.split(separator: ".").map(String.init))
            }
        }
        return names
    }

    /// The templates only ever included by others.
    private static func partials(_ templates: [String: String]) -> Set<String> {
        Set(templates.values.flatMap { text in tags(text).filter { $0.kind == ">" }.map(\.name) })
    }

    func testEveryPageTemplateHasExactlyOneModel() throws {
        let templates = try Self.templates()
        let pages = Set(templates.keys).subtracting(Self.partials(templates))
        let named = try Self.samples().map { type(of: $0).template }
        XCTAssertEqual(Set(named), pages, "every template a page renders has a model, and every model a template")
        for template in Set(named) {
            XCTAssertEqual(named.filter { $0 == template }.count, 1, "\(template) has more than one model")
        }
        XCTAssertFalse(pages.contains("page-head"), "the frame is a partial of every page")
    }

    func testEveryKeyATemplateReadsAtTopLevelIsAPropertyOfItsModel() throws {
        let templates = try Self.templates()
        for model in try Self.samples() {
            let type = Swift.type(of: model)
            let keys = Self.topLevelKeys(type.template, templates, model: model)
            XCTAssertTrue(keys.contains { $0.key == "frame.title" || $0.key == "title" }, "\(type.template): no key found; is the walk broken?")
            for (key, template) in keys {
                switch Self.lookup(key, in: model) {
                case .found: break
                case .missing: XCTFail("\(template).mustache reads {{\(key)}}, which \(type) lacks")
                case .throughNil: XCTFail("\(type)'s sample leaves a value on the path \(key) nil; fill it so the path can be followed")
                }
            }
        }
    }

    func testEveryPropertyOfAModelIsReadByItsTemplate() throws {
        let templates = try Self.templates()
        for model in try Self.samples() {
            let type = Swift.type(of: model)
            var seen: Set<String> = []
            let names = Self.allNames(type.template, templates, seen: &seen)
            for label in Mirror(reflecting: model).children.compactMap(\.label) {
                XCTAssertTrue(names.contains(label), "\(type).\(label) is not read by \(type.template).mustache")
            }
        }
    }

    func testTheCheckFindsAMisspeltKeyAndLooksPastSectionsThatChangeTheContext() throws {
        var templates = try Self.templates()
        templates["import"] = "{{> page-head}}{{#frame.links}}{{href}}{{/frame.links}}{{#frame.csrf}}{{tittle}}{{/frame.csrf}}{{> page-foot}}"
        let model = try XCTUnwrap(try Self.samples().first { $0 is ImportPage })
        let keys = Self.topLevelKeys("import", templates, model: model).map(\.key)
        XCTAssertTrue(keys.contains("frame.languageLink.href"), "the partials' keys are read")
        XCTAssertFalse(keys.contains("href"), "a list's items are not the page")
        XCTAssertTrue(keys.contains("tittle"), "a plain value's section reads from the page")
        guard case .missing = Self.lookup("tittle", in: model) else { return XCTFail("a misspelt key is missing") }
        guard case .missing = Self.lookup("t.no_such_word", in: model) else { return XCTFail("a missing word is missing") }
        guard case .found = Self.lookup("frame.languageLink.label", in: model) else { return XCTFail("a nested key is found") }
    }
}
