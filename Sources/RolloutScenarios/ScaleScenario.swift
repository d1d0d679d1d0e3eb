import RolloutCore

/// A synthetic plan and a realistic full history at any scale, for the
/// benchmarks: many districts of many offices, several batches, every office
/// going through every milestone, with some problems and refused attempts.
///
/// Pure: it lists plan and steps; the caller performs them through the real store.
package struct ScaleScenario: Sendable {
    /// One command: its moment and (actor, action) pairs, performed as one transaction.
    package struct Step: Sendable {
        package var moment: Moment
        package var requests: [(actor: String, action: Action)]
    }

    package let plan: Plan
    package let coordinator = "总协调员"
    /// When set, the last batch stops after permissions are granted, leaving
    /// training for every office to do (the bulk benchmark records it).
    package let openLastBatch: Bool

    /// Builds a plan of `offices` offices across `districts` districts and
    /// `batches` new batches, reusing the milestone graph and catalog of `base`.
    package init(base: Plan, offices: Int, districts: Int, batches: Int, openLastBatch: Bool = false) {
        self.openLastBatch = openLastBatch
        let districtCount = max(1, districts), batchCount = max(1, min(batches, 6))
        let perDistrict = max(1, (offices + districtCount - 1) / districtCount)
        let generatedOffices = (0..<max(1, offices)).map { index -> Office in
            let district = index / perDistrict + 1, number = index % perDistrict + 1
            return Office(id: "d\(district)-o\(number)", name: "第\(district)区第\(number)街道")
        }
        var newBatches = (1...batchCount).map { number in
            Batch(
                id: "batch\(number)", number: number, label: "第\(number)批新增延伸", prepMonth: 2 * number - 1, liveMonth: 2 * number,
                schedule: "\(2 * number - 1)月准备，\(2 * number)月上线")
        }
        newBatches.insert(Batch(id: "baseline", number: 0, label: "已延伸", alreadyLive: true), at: 0)
        let baselineItems = base.items.filter { $0.batch == "baseline" }
        var items = baselineItems
        for (index, item) in base.items.filter({ $0.batch != "baseline" }).enumerated() {
            var moved = item
            moved.batch = "batch\(index % batchCount + 1)"
            items.append(moved)
        }
        plan = Plan(
            district: "合成测试（\(districtCount)个区）", title: "Synthetic scale plan", year: base.year, timeZone: base.timeZone,
            milestones: base.milestones, followUp: base.followUp, batches: newBatches, offices: generatedOffices, items: items)
    }

    package func staff(_ office: Office) -> String { "staff-\(office.id)" }

    private func day(_ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: plan.year, month: month, day: min(day, LocalDate.daysIn(year: plan.year, month: month))) ?? LocalDate.fromDayNumber(0)
    }

    private func moment(_ date: LocalDate) -> Moment { Moment(recordedAt: "\(date)T02:00:00Z", today: date) }

    /// The first step: registering every office's staff.
    package var registration: Step {
        Step(moment: moment(day(1, 1)), requests: plan.offices.map { (coordinator, .addPerson(name: staff($0), role: .office, office: $0.id)) })
    }

    /// The steps of one batch, in order. Made batch by batch so that a national
    /// history (a million actions) is never held in memory at once.
    package func steps(of batch: Batch) -> [Step] {
        var steps: [Step] = []
        let offices = plan.offices
        guard let prep = batch.prepMonth, let live = batch.liveMonth else { return [] }
        func record(_ milestone: String, _ office: Office?, _ date: LocalDate) -> Action {
            .record(milestone: milestone, batch: batch.id, office: office?.id, effective: date, note: "", evidence: [])
        }
        steps.append(Step(moment: moment(day(prep, 2)), requests: [(coordinator, record("guides_written", nil, day(prep, 2)))]))
        steps.append(
            Step(
                moment: moment(day(prep, 25)),
                requests: offices.enumerated().map { index, office in
                    (staff(office), record("network_built", office, day(prep, 3 + index % 20)))
                }))
        steps.append(Step(moment: moment(day(prep, 26)), requests: offices.map { (coordinator, record("permissions_granted", $0, day(prep, 26))) }))
        if openLastBatch && batch.id == plan.newBatches.last?.id { return steps }
        steps.append(Step(moment: moment(day(prep, 27)), requests: offices.map { (coordinator, record("staff_trained", $0, day(prep, 27))) }))
        let early = offices.enumerated().filter { $0.offset % 100 == 7 }.map(\.element)
        steps.append(Step(moment: moment(day(prep, 28)), requests: early.map { (coordinator, record("live", $0, day(prep, 28))) }))
        steps.append(Step(moment: moment(day(live, 3)), requests: offices.map { (staff($0), record("ready", $0, day(live, 2))) }))
        steps.append(Step(moment: moment(day(live, 5)), requests: offices.map { (coordinator, record("live", $0, day(live, 5))) }))
        let troubled = offices.enumerated().filter { $0.offset % 20 == 3 }.map(\.element)
        steps.append(
            Step(
                moment: moment(day(live, 10)),
                requests: troubled.map {
                    (staff($0), .openProblem(batch: batch.id, office: $0.id, effective: day(live, 10), note: "系统登录缓慢"))
                }))
        return steps
    }

    /// Problems to resolve need their ids, known only after they are opened:
    /// the resolutions for one batch, given the open problems of its offices.
    package func resolutions(batch: Batch, openProblems: [(office: String, problem: Int64)]) -> Step? {
        guard let live = batch.liveMonth, !openProblems.isEmpty else { return nil }
        let date = day(live, 20)
        return Step(
            moment: moment(date),
            requests: openProblems.map {
                (coordinator, .resolveProblem(problem: $0.problem, batch: batch.id, office: $0.office, effective: date, note: "已优化网络"))
            })
    }
}
