import Foundation
import XCTest

/// The README's main job, `rollout demo`, and the HTML report.
final class DemoAndReportTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws { cli = try CLI(now: "2026-11-27T10:00:00+08:00") }
    override func tearDown() { cli.remove() }

    func testTheDemoIsDeterministicAndMatchesTheGoldenOutput() throws {
        let db = cli.folder.appendingPathComponent("demo.sqlite").path
        let result = try cli.expect(0, ["demo", "--db", db])
        try Golden.check(result.stdout.replacingOccurrences(of: cli.folder.path, with: "<folder>"), "demo.txt")
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("yuzhong-demo-report.html").path))
        // The demo database is a normal database: the other commands work on it.
        let refusals = try cli.expect(0, ["refusals", "--db", db]).stdout
        XCTAssertTrue(refusals.contains("11 refused attempts"), refusals)
        try cli.expect(0, ["audit", "verify", "--db", db])
        let again = try cli.run(["demo", "--db", db])
        XCTAssertEqual(again.status, 2, "an existing database is not overwritten")
    }

    func testTheHTMLReportIsSelfContainedAndCarriesEverySection() throws {
        let db = cli.folder.appendingPathComponent("demo.sqlite").path
        try cli.expect(0, ["demo", "--db", db])
        let path = cli.folder.appendingPathComponent("weekly.html").path
        let result = try cli.expect(0, ["report", "--db", db, "--html", path], extraEnvironment: ["ROLLOUT_NOW": "2026-11-20T18:00:00+08:00"])
        XCTAssertTrue(result.stdout.hasPrefix("Wrote \(path): 2 batches, 3 overdue, 1 open problems"), result.stdout)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        for expected in [
            "<html lang=\"zh-CN\">", "<table class=\"matrix\">", "<svg", "大坪街道", "受阻 自 2026-10-15", "逾期 20 天", "退休申请材料无法上传",
            "核验通过：134 条记录", "生成于 2026-11-20T10:00:00Z", "class=\"late\"",
        ] {
            XCTAssertTrue(html.contains(expected), "report lacks \(expected)")
        }
        let english = cli.folder.appendingPathComponent("weekly-en.html").path
        try cli.expect(
            0, ["report", "--db", db, "--html", english, "--language", "en"], extraEnvironment: ["ROLLOUT_NOW": "2026-11-20T18:00:00+08:00"])
        let englishHTML = try String(contentsOfFile: english, encoding: .utf8)
        for expected in ["<html lang=\"en\">", "blocked since 2026-10-15", "20 days late", "Verified: 134 entries", "generated 2026-11-20T10:00:00Z"]
        {
            XCTAssertTrue(englishHTML.contains(expected), "English report lacks \(expected)")
        }
        let refused = try cli.expect(2, ["report", "--db", db, "--html", english, "--language", "fr"])
        XCTAssertTrue(refused.stderr.contains("invalid --language \"fr\"; expected zh or en"), refused.stderr)
        for external in ["https://", "<script", "<link", "@import", "<img"] {
            XCTAssertFalse(html.contains(external), "report must be self-contained: found \(external)")
        }
        XCTAssertFalse(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"), "no network references")
    }

    func testDemoServeServesThePagesAndPrintsOneAccountPerRoleThatCanSignIn() throws {
        let db = cli.folder.appendingPathComponent("served.sqlite").path
        let (process, out, _) = try cli.start(["demo", "--db", db, "--serve", "--port", "0"])
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var printed = ""
        let deadline = Date().addingTimeInterval(120)
        while !printed.contains("  office ") || !printed.hasSuffix("\n") {
            guard process.isRunning, Date() < deadline else { return XCTFail("demo --serve never printed its accounts: \(printed)") }
            printed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        let address = try XCTUnwrap(printed.firstMatch(of: /Serving the demo at (http:\/\/127\.0\.0\.1:\d+)/)?.output.1)
        let accounts = printed.matches(of: /\s\s(coordinator|auditor|office) +login (\S+)  password (\S+)/).map {
            ($0.output.1, $0.output.2, $0.output.3)
        }
        XCTAssertEqual(accounts.map { String($0.0) }, ["coordinator", "auditor", "office"], printed)
        let client = HTTPClient(base: String(address))
        for (_, login, password) in accounts {
            let signIn = try client.send("POST", "/api/v1/session", json: ["login": String(login), "password": String(password)])
            XCTAssertEqual(signIn.status, 200, "\(login): \(signIn.text)")
            XCTAssertEqual(signIn.json["mustChangePassword"] as? Bool, false)
            // Signed out again, so that the next sign-in starts from a browser without a session.
            let out = try client.send("DELETE", "/api/v1/session", headers: ["X-CSRF-Token": signIn.json["csrfToken"] as? String ?? ""])
            XCTAssertEqual(out.status, 204, out.text)
        }
        let page = try client.send("GET", "/signin", headers: ["Accept-Language": "zh-CN,zh;q=0.9"])
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("登录"))
    }
}
