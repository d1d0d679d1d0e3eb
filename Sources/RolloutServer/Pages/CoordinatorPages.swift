import Hummingbird
import RolloutApp
import RolloutCore
import RolloutWeb

/// A coordinator's forms: record a milestone for one office, several or all
/// (a dry-run preview first, then confirm), correct entries with the
/// dependants listed, block and unblock. The pages are a coordinator's; who
/// may write is the rules' decision, as for the API, so a form posted by
/// anyone else signed in is refused by the rules and the refusal recorded.
struct CoordinatorPages {
    let pages: Pages

    var routes: [PageRoute] {
        let (service, settings) = (pages.service, pages.settings)
        return [
            PageRoute(.get, "/record", .coordinator) { _, _, page in try await recordForm(page, .empty) },
            PageRoute(.post, "/record/preview", .coordinator) { _, _, page in
                let recording = try recording(page.form, dryRun: true)
                let actor = try page.actor
                let result = try await Blocking.run { try service.record(recording, by: actor, at: settings.clock) }
                let t = page.strings
                let lines = result.outcomes.map { OutcomeLine($0, plan: service.plan, strings: t, dryRun: true) }
                return try pages.html(
                    PreviewPage(
                        frame: await pages.frame(page, title: t["preview_title"]), lines: lines, anyAllowed: result.recorded > 0,
                        key: page.form["key"] ?? "", milestone: recording.milestone, batch: recording.batch, offices: recording.offices,
                        date: page.form["date"] ?? "", note: recording.note))
            },
            PageRoute(.post, "/record", .signedIn) { _, _, page in
                let recording = try recording(page.form, dryRun: false)
                let actor = try page.actor
                let result = try await Blocking.run { try service.record(recording, by: actor, at: settings.clock) }
                try await OutcomeLine.tell(result, plan: service.plan, page: page, pages: pages)
                return Pages.redirect("/record")
            },
            PageRoute(.get, "/correct", .coordinator) { request, _, page in
                let numbers = request.queries("entry").flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " }) }
                var correction: (targets: [CorrectPage.Reversal], dependants: [CorrectPage.Reversal])?
                if !numbers.isEmpty {
                    let seqs = try numbers.map { text -> Int64 in
                        guard let seq = Int64(text), seq > 0 else { throw InputError("invalid entry number \"\(text)\"; expected a whole number") }
                        return seq
                    }
                    let now = settings.clock.now()
                    let plan = try await Blocking.run { try service.correctionPlan(entries: seqs, now: now) }
                    correction = (
                        plan.targets.map {
                            CorrectPage.Reversal(seq: $0.seq, what: EntryLine.describe($0, plan: service.plan, strings: page.strings))
                        },
                        plan.dependants.map { CorrectPage.Reversal(seq: $0.entry, what: $0.what) }
                    )
                }
                return try pages.html(
                    CorrectPage(
                        frame: await pages.frame(page, title: page.strings["correct_title"]), entry: request.query("entry") ?? "",
                        key: Secrets.sessionID(), correction: correction))
            },
            PageRoute(.post, "/correct", .signedIn) { _, _, page in
                let text = try page.form.require("entries", page.strings["correct_entry"])
                let seqs = try text.split(separator: ",").map { part -> Int64 in
                    guard let seq = Int64(part) else { throw InputError("invalid entry number \"\(part)\"; expected a whole number") }
                    return seq
                }
                let request = CorrectionRequest(
                    entries: seqs, reason: try page.form.require("reason", page.strings["form_reason"]), write: WriteInput(key: page.form["key"]))
                let actor = try page.actor
                let result = try await Blocking.run { try service.correct(request, by: actor, at: settings.clock) }
                try await OutcomeLine.tell(result, plan: service.plan, page: page, pages: pages)
                return Pages.redirect("/correct")
            },
            PageRoute(.get, "/blocks", .coordinator) { _, _, page in
                let now = settings.clock.now()
                let boards = try await Blocking.run { try service.boards(StatusRequest(batches: service.plan.newBatches.map(\.id)), now: now) }
                let blocked = boards.flatMap { board in
                    board.rows.compactMap { row in row.block.map { "\(board.batch.id) \(row.office.name)：\($0.reason)（\($0.effective)）" } }
                }
                return try pages.html(
                    BlocksPage(
                        frame: await pages.frame(page, title: page.strings["block_title"]), blocked: blocked, offices: officeChoices([]),
                        batches: batchChoices(), key: Secrets.sessionID()))
            },
            PageRoute(.post, "/blocks", .signedIn) { _, _, page in
                let form = page.form
                let request = BlockChangeRequest(
                    blocking: form["change"] != "unblock", batch: try form.require("batch", page.strings["form_batch"]),
                    offices: form.all("office"), reason: try form.require("reason", page.strings["form_reason"]), write: WriteInput(key: form["key"]))
                guard !request.offices.isEmpty else { throw InputError("tick at least one office") }
                let actor = try page.actor
                let result = try await Blocking.run { try service.changeBlock(request, by: actor, at: settings.clock) }
                try await OutcomeLine.tell(result, plan: service.plan, page: page, pages: pages)
                return Pages.redirect("/blocks")
            },
        ]
    }

    /// The recording a coordinator's form describes; `all` ticks every office.
    private func recording(_ form: FormData, dryRun: Bool) throws -> MilestoneRecording {
        let offices = form["all"] == "on" ? ["all"] : form.all("office")
        return MilestoneRecording(
            milestone: try form.require("milestone", "milestone"), batch: try form.require("batch", "batch"), offices: offices,
            note: form["note"] ?? "", write: WriteInput(date: form["date"], key: form["key"], dryRun: dryRun))
    }

    private func recordForm(_ page: PageRequest, _ form: FormData) async throws -> Response {
        let plan = pages.service.plan
        return try pages.html(
            RecordPage(
                frame: await pages.frame(page, title: page.strings["record_title"]),
                milestones: plan.milestones.map { Choice(value: $0.id, label: "\($0.label)（\($0.id)）", selected: false) },
                batches: batchChoices(), offices: officeChoices(form.all("office")), key: Secrets.sessionID()))
    }

    private func officeChoices(_ ticked: [String]) -> [OfficeChoice] {
        pages.service.plan.offices.map { OfficeChoice(id: $0.id, name: $0.name, checked: ticked.contains($0.id)) }
    }

    private func batchChoices() -> [Choice] {
        pages.service.plan.newBatches.map { Choice(value: $0.id, label: "\($0.id) \($0.label)", selected: false) }
    }
}
