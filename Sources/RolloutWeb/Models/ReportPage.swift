import RolloutApp
import RolloutCore

/// `rollout report --html`: one self-contained page (styles inline, no
/// scripts, no network) rendered through the board's own templates.
package struct ReportPage: PageModel {
    package static let template = "report"

    let lang: String
    let t: [String: String]
    let title: String
    let meta: String
    let css: String
    let sections: [BoardSection]
    let overdue: [OverdueRow]
    let overdueCount: Int
    let problems: [ProblemRow]
    let problemCount: Int
    let audit: String
    let passed: Bool
    let failure: String?

    package init(_ model: ReportModel, language: Language) {
        let strings = PageStrings(language)
        lang = language.tag
        t = strings.all
        title = strings.format("report_title", ["district": model.plan.district])
        meta = strings.format(
            "report_meta", ["asOf": model.asOf.description, "generated": model.generatedAt, "version": String(model.plan.version.prefix(16))])
        css = PageRenderer.stylesheet
        sections = model.boards.map { BoardSection($0, plan: model.plan, strings: strings, linkOffices: false) }
        overdue = model.overdue.map { OverdueRow($0, strings: strings) }
        overdueCount = model.overdue.count
        problems = model.problems.map { ProblemRow($0, plan: model.plan) }
        problemCount = model.problems.count
        let verification = model.verification
        audit = strings.format(
            verification.passed ? "report_verified" : "report_failed", ["n": String(verification.entries), "head": verification.head])
        passed = verification.passed
        failure = verification.failure?.description
    }
}
