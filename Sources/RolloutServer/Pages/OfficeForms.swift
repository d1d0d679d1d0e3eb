import Hummingbird
import RolloutApp
import RolloutCore
import RolloutWeb

/// The forms of an office's page: its own staff report a milestone and open a
/// problem (each with a note and evidence files); whoever the plan names
/// resolves a problem (coordinators, in Yuzhong). Each form carries
/// a key made when the page was drawn, so a form sent twice records once.
/// Who may act for which office is the rules' decision, as for the API and
/// the CLI: a form posted for another office is refused, and the refusal recorded.
struct OfficeForms {
    let pages: Pages

    var routes: [PageRoute] {
        let (service, settings) = (pages.service, pages.settings)
        return [
            PageRoute(.post, "/offices/:office/record", .signedIn) { _, context, page in
                let office = try context.parameters.require("office")
                let form = page.form
                let recording = MilestoneRecording(
                    milestone: try form.require("milestone", page.strings["form_milestone"]),
                    batch: try form.require("batch", page.strings["form_batch"]),
                    offices: [office], note: form["note"] ?? "", evidence: form.files, write: WriteInput(date: form["date"], key: form["key"]))
                let actor = try page.actor
                let result = try await Blocking.run { try service.record(recording, by: actor, at: settings.clock) }
                try await OutcomeLine.tell(result, plan: service.plan, page: page, pages: pages)
                return try back(page, office)
            },
            PageRoute(.post, "/offices/:office/problems", .signedIn) { _, context, page in
                let office = try context.parameters.require("office")
                let report = ProblemReport(
                    batch: try page.form.require("batch", page.strings["form_batch"]), office: [office],
                    note: try page.form.require("note", page.strings["problems_problem"]), evidence: page.form.files,
                    write: WriteInput(key: page.form["key"]))
                let actor = try page.actor
                let result = try await Blocking.run { try service.openProblem(report, by: actor, at: settings.clock) }
                try await OutcomeLine.tell(result, plan: service.plan, page: page, pages: pages)
                return try back(page, office)
            },
            PageRoute(.post, "/offices/:office/problems/:problem/resolve", .signedIn) { _, context, page in
                let office = try context.parameters.require("office")
                let text = try context.parameters.require("problem")
                guard let problem = Int64(text) else { throw InputError("invalid problem \"\(text)\"; expected a problem number") }
                let resolution = ProblemResolution(
                    problem: problem, note: try page.form.require("note", page.strings["form_note"]), evidence: page.form.files,
                    write: WriteInput(key: page.form["key"]))
                let actor = try page.actor
                let result = try await Blocking.run { try service.resolveProblem(resolution, by: actor, at: settings.clock) }
                try await OutcomeLine.tell(result, plan: service.plan, page: page, pages: pages)
                return try back(page, office)
            },
        ]
    }

    /// Where the person goes after a form: their own office's page for its
    /// staff (whichever office the form named), else the office's page.
    private func back(_ page: PageRequest, _ office: String) throws -> Response {
        let person = try page.person
        return Pages.redirect("/offices/\(person.role == .office ? person.office ?? office : office)")
    }
}
