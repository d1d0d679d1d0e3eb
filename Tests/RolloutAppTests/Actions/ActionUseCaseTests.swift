import RolloutApp
import RolloutCore
import RolloutStore
import XCTest

/// Every recording use case, called without the command line.
final class ActionUseCaseTests: XCTestCase {
    private var temporary: TemporaryService!
    private var service: RolloutService { temporary.service }
    private let august = TemporaryService.time("2026-08-10T10:00:00+08:00")

    override func setUpWithError() throws { temporary = try TemporaryService() }
    override func tearDown() { temporary.remove() }

    func testRecordingResolvesNamesAndRecordsEachOffice() throws {
        let guides = try service.record(
            MilestoneRecording(milestone: "guides_written", batch: "1", write: WriteInput(date: "2026-08-08")), by: .cli("王敏"), at: august)
        XCTAssertEqual(guides.recorded, 1)
        let network = try service.record(
            MilestoneRecording(milestone: "staff_trained", batch: "batch1", offices: ["解放碑,daping"], write: WriteInput(date: "2026-08-09")),
            by: .cli("王敏"), at: august)
        XCTAssertEqual(network.recorded, 2)
        XCTAssertNotNil(network.bulk)
        guard case .recorded(let entries) = network.outcomes[0].result else { return XCTFail("not recorded") }
        XCTAssertEqual(entries[0].office, "jiefangbei")
        XCTAssertEqual(entries[0].effective.description, "2026-08-09")
        XCTAssertEqual(entries[0].recordedAt, "2026-08-10T02:00:00Z")
    }

    func testADryRunWritesNothingAndARefusalIsRecorded() throws {
        _ = try service.record(MilestoneRecording(milestone: "guides_written", batch: "1"), by: .cli("王敏"), at: august)
        let before = try service.head()
        let dry = try service.record(
            MilestoneRecording(milestone: "staff_trained", batch: "1", offices: ["all"], write: WriteInput(dryRun: true)),
            by: .cli("王敏"), at: august)
        XCTAssertTrue(dry.dryRun)
        XCTAssertEqual(dry.recorded, 11)
        XCTAssertEqual(try service.head(), before)
        let refused = try service.record(MilestoneRecording(milestone: "network_built", batch: "1", offices: ["daping"]), by: .cli("李娜"), at: august)
        XCTAssertEqual(refused.refused, 1)
        XCTAssertEqual(try service.refusals().last?.detail.reason, "wrong_office")
    }

    func testBadInputNamesTheValueAndWritesNothing() throws {
        let before = try service.head()
        let cases: [(() throws -> Void, String)] = [
            (
                {
                    _ = try self.service.record(
                        MilestoneRecording(milestone: "guides_written", batch: "1", write: WriteInput(date: "2026-02-30")),
                        by: .cli("王敏"), at: self.august)
                }, "invalid --date \"2026-02-30\""
            ),
            (
                {
                    _ = try self.service.record(
                        MilestoneRecording(milestone: "guides_written", batch: "1", offices: ["解放碑"]), by: .cli("王敏"), at: self.august)
                },
                "recorded once for the whole district"
            ),
            (
                { _ = try self.service.record(MilestoneRecording(milestone: "network_built", batch: "1"), by: .cli("王敏"), at: self.august) },
                "recorded per office"
            ),
            (
                {
                    _ = try self.service.record(
                        MilestoneRecording(milestone: "guides_written", batch: "1", write: WriteInput(expect: "zz")),
                        by: .cli("王敏"), at: self.august)
                }, "invalid --expect \"zz\""
            ),
            ({ _ = try self.service.addPerson(name: "新人", role: "boss", office: nil, by: .cli("王敏"), at: self.august) }, "unknown role \"boss\""),
            (
                {
                    _ = try self.service.changeBlock(
                        BlockChangeRequest(blocking: true, batch: "1", offices: [], reason: "x"), by: .cli("王敏"), at: self.august)
                },
                "name the office"
            ),
            ({ _ = try self.service.correct(CorrectionRequest(entries: [], reason: "x"), by: .cli("王敏"), at: self.august) }, "at least one entry"),
            (
                {
                    _ = try self.service.openProblem(
                        ProblemReport(batch: "1", office: ["解放碑", "daping"], note: "x"), by: .cli("李娜"), at: self.august)
                },
                "takes one office; 2 were named"
            ),
        ]
        for (call, message) in cases {
            XCTAssertThrowsError(try call()) { error in
                XCTAssertTrue(cliMessage(error).contains(message), "\(cliMessage(error)) should say \(message)")
            }
        }
        XCTAssertEqual(try service.head(), before)
    }

    func testBlocksCorrectionsProblemsAndTheRegister() throws {
        let block = try service.changeBlock(
            BlockChangeRequest(blocking: true, batch: "1", offices: ["daping"], reason: "搬迁"), by: .cli("王敏"), at: august)
        XCTAssertEqual(block.recorded, 1)
        let unblock = try service.changeBlock(
            BlockChangeRequest(blocking: false, batch: "1", offices: ["daping"], reason: "恢复"), by: .cli("王敏"), at: august)
        XCTAssertEqual(unblock.recorded, 1)
        guard case .recorded(let entries) = unblock.outcomes[0].result, let seq = entries.first?.seq else { return XCTFail("not recorded") }
        let correction = try service.correct(CorrectionRequest(entries: [seq], reason: "误操作"), by: .cli("王敏"), at: august)
        XCTAssertEqual(correction.recorded, 1)
        XCTAssertEqual(try service.refusals().count, 0)
        let removal = try service.removePerson("刘芳", reason: "调岗", by: .cli("王敏"), at: august)
        XCTAssertEqual(removal.recorded, 1)
        XCTAssertEqual(try service.people().map(\.name).sorted(), ["李娜", "王敏", "赵强"].sorted())
        // A problem before go-live is refused by the rules, and recorded as such.
        let problem = try service.openProblem(ProblemReport(batch: "1", office: ["解放碑"], note: "读卡器故障"), by: .cli("李娜"), at: august)
        XCTAssertEqual(problem.refused, 1)
        XCTAssertThrowsError(try service.resolveProblem(ProblemResolution(problem: 999, note: "x"), by: .cli("王敏"), at: august))
    }

    func testAProblemCarriesEvidenceAndItsFileIsKeptEvenWhenTheAttemptIsRefused() throws {
        let photo = EvidenceUpload(name: "读卡器报错.jpg", bytes: [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
        let problem = try service.openProblem(
            ProblemReport(batch: "1", office: ["解放碑"], note: "读卡器故障", evidence: [photo]), by: .cli("李娜"), at: august)
        XCTAssertEqual(problem.refused, 1, "before go-live")
        guard case .refused(_, let entry) = problem.outcomes[0].result else { return XCTFail("not refused") }
        XCTAssertEqual(entry.evidence.map(\.name), ["读卡器报错.jpg"])
        let staff = try XCTUnwrap(service.people().first { $0.login == "李娜" })
        XCTAssertEqual(try service.evidenceFile(sha256: entry.evidence[0].sha256, for: staff).bytes, photo.bytes)
        XCTAssertEqual(try service.evidenceFile(sha256: entry.evidence[0].sha256, for: staff).mediaType, "image/jpeg")
        XCTAssertTrue(try service.verify(expectHead: nil).passed)
        let script = EvidenceUpload(name: "x.svg", bytes: Array("<svg onload=alert(1)>".utf8))
        XCTAssertThrowsError(
            try service.openProblem(ProblemReport(batch: "1", office: ["解放碑"], note: "x", evidence: [script]), by: .cli("李娜"), at: august))
    }
}
