import Hummingbird
import RolloutApp
import RolloutCore
import RolloutWeb

/// The forms of an office's page: its own staff report a milestone and open a
/// problem (each with a note and evidence files); whoever the plan names
/// resolves a problem (coordinators, in Yuzhong). Each form carries
/// a key made when the page was drawn, so a form sent twice records once.
struct OfficeForms {
    let pages: Pages

    var routes: [PageRoute] {
        let (service, settings) = (pages.service, pages.settings)
        return [
            PageRoute(.post, "/offices/:office/record", .signedIn) { _, context, page in
                let office = try ownOffice(context, page)
                let form = page.form
                let recording = MilestoneRecording(
                    milestone: try form.require("milestone", page.strings["form_milestone"]),
                    batch: try form.require("batch", page.strings["form_batch"]),
                    offices: [office], note: form["note"] ?? "", evidence: form.files, write: WriteInput(date: form["date"], key: form["key"]))
                let actor = try page.actor
                let result = try await Blocking.run { try service.record(recording, by: actor, at: settings.clock()) }
                await OutcomeLine.tell(result, plan: service.plan, page: page, pages: pages)
                return Pages.redirect("/offices/\(office)")
            },
            PageRoute(.post, "/offices/:office/problems", .signedIn) { _, context, page in
                let office = try ownOffice(context, page)
                let report = ProblemReport(
                    batch: try page.form.require("batch", page.strings["form_batch"]), office: [office],
                    note: try page.form.require("note", page.strings["problems_problem"]), evidence: page.form.files,
                    write: WriteInput(key: page.form["key"]))
                let actor = try page.actor
                let result = try await Blocking.run { try service.openProblem(report, by: actor, at: settings.clock()) }
                await OutcomeLine.tell(result, plan: service.plan, page: page, pages: pages)
                return Pages.redirect("/offices/\(office)")
            },
            PageRoute(.post, "/offices/:office/problems/:problem/resolve", .signedIn) { _, context, page in
                // Coordinators resolve problems (the plan says who); office staff may use only their own office's page.
                let office = try context.parameters.require("office")
                if try page.person.role == .office { _ = try ownOffice(context, page) }
                let text = try context.parameters.require("problem")
                guard let problem = Int64(text) else { throw InputError("invalid problem \"\(text)\"; expected a problem number") }
                let resolution = ProblemResolution(
                    problem: problem, note: try page.form.require("note", page.strings["form_note"]), evidence: page.form.files,
                    write: WriteInput(key: page.form["key"]))
                let actor = try page.actor
                let result = try await Blocking.run { try service.resolveProblem(resolution, by: actor, at: settings.clock()) }
                await OutcomeLine.tell(result, plan: service.plan, page: page, pages: pages)
                return Pages.redirect("/offices/\(office)")
            },
        ]
    }

    /// The office in the path, which must be the signed-in staff member's own.
    private func ownOffice(_ context: ServerContext, _ page: PageRequest) throws -> String {
        let office = try context.parameters.require("office")
        let person = try page.person
        guard person.role == .office, person.office == office else {
            throw PermissionDenied(
                person.role == .office
                    ? "office staff of \(pages.service.plan.officeLabel(person.office ?? "")) may not report for \(pages.service.plan.officeLabel(office))"
                    : "these forms are for the office's own staff; coordinators record on the record page")
        }
        return office
    }
}
