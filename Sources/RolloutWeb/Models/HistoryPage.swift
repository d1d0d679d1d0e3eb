import RolloutApp

/// The history, newest first, with the CLI's filters (office staff see only
/// their own office, so they get no office filter); the refusals page shows
/// it without filters.
package struct HistoryPage: PageModel {
    package static let template = "history"

    let frame: PageFrame
    let t: [String: String]
    let entries: [EntryLine]
    let showFilters: Bool
    let isOffice: Bool
    let office: String
    let batch: String
    let milestone: String
    let actor: String
    let kind: String
    let from: String
    let to: String
    let recordedFrom: String
    let recordedTo: String
    /// Why fewer entries are shown than match, when they are.
    let limited: String?

    package init(frame: PageFrame, entries: [EntryLine], filters: HistoryRequest, showFilters: Bool, isOffice: Bool, limited: String?) {
        self.frame = frame
        t = frame.strings.all
        self.entries = entries
        self.showFilters = showFilters
        self.isOffice = isOffice
        office = filters.office ?? ""
        batch = filters.batch ?? ""
        milestone = filters.milestone ?? ""
        actor = filters.actor ?? ""
        kind = filters.kind ?? ""
        from = filters.from ?? ""
        to = filters.to ?? ""
        recordedFrom = filters.recordedFrom ?? ""
        recordedTo = filters.recordedTo ?? ""
        self.limited = limited
    }
}
