import RolloutCore

/// A realistic, deterministic rollout played by `rollout demo`: batch 1 done
/// with one late office and a correction; batch 2 mid-go-live with a blocked
/// office, an open problem and some refused attempts. Pure: it only lists the
/// steps; the caller performs them.
///
/// It is driven by the plan (batches, offices, milestone ids) and needs at
/// least four offices and two new batches with the Yuzhong milestone ids.
package struct DemoScenario: Sendable {
    /// One command in the scenario: who acts, when, and what.
    package struct Step: Sendable {
        package var moment: Moment
        package var actor: String
        package var instruction: Instruction

        init(moment: Moment, actor: String, actions: [Action]) {
            self.moment = moment
            self.actor = actor
            instruction = .perform(actions)
        }

        init(moment: Moment, actor: String, instruction: Instruction) {
            self.moment = moment
            self.actor = actor
            self.instruction = instruction
        }
    }

    /// What a step does; the last two name entries that exist only once earlier steps ran.
    package enum Instruction: Sendable {
        /// These actions, as one command (a bulk command when several).
        case perform([Action])
        /// Reverse the current completions of these milestones at an office.
        case reverse(batch: String, office: String, milestones: [String], reason: String)
        /// Resolve the office's oldest open problem.
        case resolveProblem(batch: String, office: String, note: String)
    }

    /// The actions of a step, given the state before it and a way to read entries.
    package static func actions(
        for instruction: Instruction, effective: LocalDate, state: RolloutState,
        entry: (Int64) throws -> Entry
    ) rethrows -> [Action] {
        switch instruction {
        case .perform(let actions):
            return actions
        case .reverse(let batch, let office, let milestones, let reason):
            let track = state.track(batch: batch, office: office)
            let targets = try milestones.compactMap { track.completions[$0]?.entry }.map(entry)
            return [.correct(targets: targets, effective: effective, reason: reason)]
        case .resolveProblem(let batch, let office, let note):
            let open = state.track(batch: batch, office: office).problems.values.filter { $0.resolution == nil }.map(\.id).min()
            return open.map { [.resolveProblem(problem: $0, batch: batch, office: office, effective: effective, note: note)] } ?? []
        }
    }

    package let plan: Plan
    /// The coordinator created by `init`.
    package let firstCoordinator = "王敏"
    package let coordinator = "张伟"
    package let auditor = "刘芳"
    /// The date the scenario stops at.
    package var endDate: LocalDate { date(batchIndex: 1, month: .live, day: 20) }

    private static let staffNames = ["李娜", "赵强", "陈静", "杨洋", "黄磊", "周婷", "吴刚", "徐丽", "孙浩", "马琳", "朱军"]

    package init(plan: Plan) { self.plan = plan }

    /// Whether the plan has what the scenario needs.
    package var isPlayable: Bool {
        plan.offices.count >= 4 && plan.newBatches.count >= 2
            && ["guides_written", "network_built", "permissions_granted", "staff_trained", "ready", "live"].allSatisfy { plan.milestone($0) != nil }
    }

    package func staff(_ office: Office) -> String {
        let index = plan.position(ofOffice: office.id) ?? 0
        return index < Self.staffNames.count ? Self.staffNames[index] : "\(office.name)经办员"
    }

    private enum Month { case prep, live }

    private func date(batchIndex: Int, month: Month, day: Int) -> LocalDate {
        let batch = plan.newBatches[batchIndex]
        let monthNumber = (month == .prep ? batch.prepMonth : batch.liveMonth) ?? 1
        return LocalDate(year: plan.year, month: monthNumber, day: min(day, LocalDate.daysIn(year: plan.year, month: monthNumber)))
            ?? LocalDate.fromDayNumber(0)
    }

    private func moment(_ date: LocalDate, hour: Int = 2) -> Moment {
        Moment(recordedAt: "\(date)T\(hour < 10 ? "0" : "")\(hour):00:00Z", today: date)
    }

    /// Every step, in order.
    package var steps: [Step] {
        guard isPlayable else { return [] }
        var steps: [Step] = []
        let offices = plan.offices
        let start = date(batchIndex: 0, month: .prep, day: 1)
        var people: [Action] = [
            .addPerson(name: coordinator, role: .coordinator, office: nil), .addPerson(name: auditor, role: .auditor, office: nil),
        ]
        people += offices.map { .addPerson(name: staff($0), role: .office, office: $0.id) }
        steps.append(Step(moment: moment(start), actor: firstCoordinator, actions: people))
        steps += batchOne()
        steps += batchTwo()
        // The batches overlap in time, but a district records one step after
        // another and the recording time never goes backwards along the chain:
        // a step whose planned time is earlier than the step before it is
        // recorded at that step's time (its effective date stays as planned).
        var latest = ""
        for index in steps.indices {
            if steps[index].moment.recordedAt < latest {
                steps[index].moment.recordedAt = latest
            } else {
                latest = steps[index].moment.recordedAt
            }
        }
        return steps
    }

    private func record(_ milestone: String, _ batch: Batch, _ office: Office?, _ day: LocalDate, note: String = "") -> Action {
        .record(milestone: milestone, batch: batch.id, office: office?.id, effective: day, note: note, evidence: [])
    }

    private func batchOne() -> [Step] {
        let batch = plan.newBatches[0], offices = plan.offices
        let late = offices[min(4, offices.count - 1)], corrected = offices[2]
        func day(_ month: Month, _ d: Int) -> LocalDate { date(batchIndex: 0, month: month, day: d) }
        var steps: [Step] = []
        steps.append(
            Step(
                moment: moment(day(.prep, 3)), actor: coordinator,
                actions: [record("guides_written", batch, nil, day(.prep, 3), note: "经办指南、操作规程已印发")]))
        for (index, office) in offices.enumerated() where office != late {
            let reported = day(.prep, 5 + index)
            steps.append(
                Step(moment: moment(reported), actor: staff(office), actions: [record("network_built", batch, office, reported, note: "专网开通，系统联调完成")])
            )
        }
        steps.append(
            Step(
                moment: moment(day(.prep, 21)), actor: coordinator, actions: offices.map { record("permissions_granted", batch, $0, day(.prep, 21)) })
        )
        steps.append(
            Step(
                moment: moment(day(.prep, 25)), actor: coordinator,
                actions: offices.map { record("staff_trained", batch, $0, day(.prep, 25), note: "政策业务培训") }))
        steps.append(
            Step(moment: moment(day(.prep, 26)), actor: staff(offices[1]), actions: [record("network_built", batch, offices[3], day(.prep, 26))]))
        // The network report of one office carried the wrong date: reverse it and the permission that rests on it, then record again.
        steps.append(
            Step(
                moment: moment(day(.prep, 28)), actor: firstCoordinator,
                instruction: .reverse(
                    batch: batch.id, office: corrected.id, milestones: ["network_built", "permissions_granted"], reason: "网络建设完成日期录错，重新登记")))
        steps.append(
            Step(
                moment: moment(day(.prep, 28), hour: 3), actor: staff(corrected),
                actions: [record("network_built", batch, corrected, day(.prep, 18), note: "更正后的完成日期")]))
        steps.append(
            Step(
                moment: moment(day(.prep, 28), hour: 4), actor: coordinator,
                actions: [record("permissions_granted", batch, corrected, day(.prep, 28))]))
        for office in offices where office != late {
            steps.append(
                Step(moment: moment(day(.prep, 31)), actor: staff(office), actions: [record("ready", batch, office, day(.prep, 31), note: "已具备上线条件")])
            )
        }
        steps.append(Step(moment: moment(day(.live, 1)), actor: firstCoordinator, actions: offices.map { record("live", batch, $0, day(.live, 1)) }))
        steps.append(
            Step(moment: moment(day(.live, 8)), actor: staff(late), actions: [record("network_built", batch, late, day(.live, 8), note: "线路改造延误")]))
        steps.append(Step(moment: moment(day(.live, 9)), actor: coordinator, actions: [record("permissions_granted", batch, late, day(.live, 9))]))
        steps.append(
            Step(
                moment: moment(day(.live, 10)), actor: staff(offices[0]),
                actions: [.openProblem(batch: batch.id, office: offices[0].id, effective: day(.live, 10), note: "社保卡读卡器无法识别新卡")]))
        steps.append(Step(moment: moment(day(.live, 12)), actor: staff(late), actions: [record("ready", batch, late, day(.live, 12))]))
        steps.append(
            Step(
                moment: moment(day(.live, 14)), actor: coordinator,
                instruction: .resolveProblem(batch: batch.id, office: offices[0].id, note: "更新读卡器驱动后恢复")))
        steps.append(Step(moment: moment(day(.live, 15)), actor: firstCoordinator, actions: [record("live", batch, late, day(.live, 15))]))
        return steps
    }

    private func batchTwo() -> [Step] {
        let batch = plan.newBatches[1], offices = plan.offices
        let blocked = offices[max(0, offices.count - 2)], notReady = offices[offices.count - 1]
        let firstLive = offices.prefix(max(1, offices.count / 2))
        func day(_ month: Month, _ d: Int) -> LocalDate { date(batchIndex: 1, month: month, day: d) }
        var steps: [Step] = []
        steps.append(
            Step(
                moment: moment(day(.prep, 8)), actor: coordinator, actions: [record("guides_written", batch, nil, day(.prep, 8), note: "第二批经办指南已印发")])
        )
        steps.append(
            Step(
                moment: moment(day(.prep, 15)), actor: coordinator,
                actions: [.block(batch: batch.id, office: blocked.id, effective: day(.prep, 15), reason: "办公场所搬迁，网络暂停")]))
        for (index, office) in offices.enumerated() {
            let reported = day(.prep, 10 + index)
            steps.append(Step(moment: moment(reported), actor: staff(office), actions: [record("network_built", batch, office, reported)]))
        }
        steps.append(
            Step(
                moment: moment(day(.prep, 28)), actor: coordinator, actions: offices.map { record("permissions_granted", batch, $0, day(.prep, 28)) })
        )
        steps.append(
            Step(moment: moment(day(.prep, 29)), actor: coordinator, actions: offices.map { record("staff_trained", batch, $0, day(.prep, 29)) }))
        for office in firstLive {
            steps.append(Step(moment: moment(day(.live, 5)), actor: staff(office), actions: [record("ready", batch, office, day(.live, 5))]))
        }
        steps.append(
            Step(
                moment: moment(day(.live, 10)), actor: firstCoordinator,
                actions: offices.filter { $0 != blocked && $0 != notReady }.map { record("live", batch, $0, day(.live, 10)) }))
        steps.append(
            Step(
                moment: moment(day(.live, 12)), actor: staff(offices[1]),
                actions: [.openProblem(batch: batch.id, office: offices[1].id, effective: day(.live, 12), note: "退休申请材料无法上传")]))
        for office in offices.dropFirst(firstLive.count) where office != blocked && office != notReady {
            steps.append(Step(moment: moment(day(.live, 18)), actor: staff(office), actions: [record("ready", batch, office, day(.live, 18))]))
        }
        steps.append(Step(moment: moment(day(.live, 19)), actor: auditor, actions: [record("live", batch, notReady, day(.live, 19))]))
        return steps
    }
}
