import Foundation
import RolloutWeb
import TestSupport
import RolloutCore
import XCTest

/// The templates and the string table held to each other: every template
/// parses, every word a template asks for is in the table in both languages,
/// every word in the table is used, and a value is always escaped.
final class TemplateTests: XCTestCase {
    private var templates: [(name: String, text: String)] {
        get throws {
            let folder = Repository.root.appendingPathComponent("Sources/RolloutWeb/Templates")
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted().map {
                ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
            }
        }
    }

    func testEveryTemplateParsesAndIsCompiledIn() throws {
        _ = try PageRenderer()
        XCTAssertEqual(Set(PageRenderer.templateNames), Set(try templates.map { String($0.name.dropLast(".mustache".count)) }))
        XCTAssertTrue(PageRenderer.stylesheet.contains("@media (max-width: 480px)"), "the phone layout is in the stylesheet")
    }

    func testTheStringTableHasEveryWordTheTemplatesAndModelsUseInBothLanguages() throws {
        let used = try templates.flatMap { template in
            template.text.matches(of: /\{\{t\.([A-Za-z_]+)\}\}/).map { String($0.output.1) }
        }
        let sources = Repository.root.appendingPathComponent("Sources")
        var inCode: [String] = []
        for folder in ["RolloutWeb/Models", "RolloutServer/Pages"] {
            let directory = sources.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                inCode += text.matches(of: /"([a-z][A-Za-z]*_[A-Za-z]+)"/).map { String($0.output.1) }
            }
        }
        for key in Set(used) {
            XCTAssertNotNil(PageStrings.table[key], "the string table lacks \(key)")
        }
        for (key, pair) in PageStrings.table {
            XCTAssertFalse(pair.zh.isEmpty || pair.en.isEmpty, "\(key) lacks a language")
        }
        let dynamic = Set(["role_coordinator", "role_office", "role_auditor"])
        for key in PageStrings.table.keys where !dynamic.contains(key) {
            XCTAssertTrue(used.contains(key) || inCode.contains(key), "\(key) is in the table but no page uses it")
        }
    }

    func testValuesAreEscapedSoTypedTextIsNeverMarkup() throws {
        let frame = PageFrame(title: "<b>", language: .zh, address: "/board", signedIn: nil, session: nil, messages: [])
        let html = try PageRenderer().render(ErrorPage(frame: frame, message: "<script>alert('x')</script> & \"", requestID: "1"))
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains("&lt;script&gt;"))
    }

    func testAQuoteOrABracketFollowedByACombiningMarkIsEscapedToo() throws {
        let frame = PageFrame(title: "t", language: .zh, address: "/signin", signedIn: nil, session: nil, messages: [])
        for character in ["<", ">", "&", "\"", "'"] {
            let attack = character + "\u{301} autofocus onfocus=alert(1) x=" + character + "\u{301}"
            let html = try PageRenderer().render(SignInPage(frame: frame, next: attack, login: attack, error: attack))
            XCTAssertFalse(html.contains(character + "\u{301}"), "\(character) before U+0301 reached the page unescaped")
            XCTAssertTrue(html.contains(" autofocus onfocus=alert(1)"), "the text itself is kept")
        }
        let html = try PageRenderer().render(SignInPage(frame: frame, next: "\"\u{301} autofocus", login: "", error: nil))
        XCTAssertTrue(html.contains("value=\"&quot;\u{301} autofocus\""), "the hidden field keeps the whole value inside its quotes")
    }

    func testEveryRefusalReasonIsSaidInChineseAndTheParticularsKept() {
        for reason in Refusal.Reason.allCases {
            XCTAssertNotNil(PageStrings.refusalGists[reason], "\(reason.rawValue) has no Chinese wording")
        }
        let message = "guides_written in batch1 needs x first"
        XCTAssertEqual(
            PageStrings(.zh).refusal(code: "missing_prerequisite", message: message), "前置环节尚未完成，请先完成前置环节（\(message)）")
        XCTAssertEqual(PageStrings(.en).refusal(code: "missing_prerequisite", message: message), message)
        XCTAssertEqual(PageStrings(.zh).refusal(code: nil, message: message), message, "an entry without a code keeps its words")
    }

    func testLanguageNegotiation() {
        XCTAssertEqual(Language.negotiate(choice: nil, acceptLanguage: nil), .zh)
        XCTAssertEqual(Language.negotiate(choice: nil, acceptLanguage: "en-US,en;q=0.9"), .en)
        XCTAssertEqual(Language.negotiate(choice: nil, acceptLanguage: "fr-FR,en;q=0.5,zh-CN;q=0.8"), .zh)
        XCTAssertEqual(Language.negotiate(choice: nil, acceptLanguage: "de-DE"), .zh)
        XCTAssertEqual(Language.negotiate(choice: "en", acceptLanguage: "zh-CN"), .en)
        XCTAssertEqual(Language.negotiate(choice: "xx", acceptLanguage: "en"), .en)
    }
}
