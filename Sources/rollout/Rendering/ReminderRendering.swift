import ArgumentParser
import RolloutApp

/// Prints a reminder run: with a dry run each message as it would read,
/// otherwise one line per message; exit 1 when one could not be delivered.
struct ReminderRendering {
    let report: ReminderReport

    func print(json: Bool) throws {
        if json {
            try JSONOutput.print(ReminderView(report))
        } else {
            for delivery in report.deliveries { Swift.print(text(for: delivery)) }
        }
        let failed = report.deliveries.filter { if case .failed = $0.status { true } else { false } }.count
        if failed > 0 {
            Terminal.standardError(
                "rollout: \(failed) of \(report.deliveries.count) reminders could not be delivered; they are logged and the next run tries again")
            throw ExitCode(Exit.failure)
        }
    }

    private func text(for delivery: ReminderDelivery) -> String {
        let who = recipient(delivery.digest)
        switch delivery.status {
        case .notSent: return "\(Terminal.paint("to \(who)", .bold)) (\(report.format.rawValue), not sent):\n\(delivery.digest.markdown)\n"
        case .sent(let attempts): return "\(Terminal.paint("sent", .green)) to \(who)" + (attempts > 1 ? " (after \(attempts) attempts)" : "")
        case .alreadySent(let at): return "\(Terminal.paint("already sent", .yellow)) to \(who) at \(at); not sent again"
        case .failed(let attempts, let error): return "\(Terminal.paint("FAILED", .red)) to \(who) after \(attempts) attempts: \(error)"
        }
    }

    private func recipient(_ digest: ReminderDigest) -> String {
        switch digest.recipient {
        case .office(let office): "\(office.name) (\(office.id))"
        case .coordinators: "the coordinators"
        }
    }
}
