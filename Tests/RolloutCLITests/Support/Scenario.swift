import Foundation

/// A realistic batch-1 history played through the binary, for audit and time-travel tests.
enum Scenario {
    /// Registers people and plays a batch-1 rollout with refusals, a bulk action, a block, a problem and a correction.
    static func playBatchOne(_ cli: CLI) throws {
        func run(_ now: String, _ arguments: [String]) throws {
            let result = try cli.run(arguments, extraEnvironment: ["ROLLOUT_NOW": now])
            guard result.status == 0 || result.status == 3 else {
                throw NSError(
                    domain: "Scenario", code: Int(result.status), userInfo: [NSLocalizedDescriptionKey: "rollout \(arguments): \(result.stderr)"])
            }
        }
        try run("2026-08-01T09:00:00+08:00", ["init", "--test-clock", "--coordinator", "王敏"])
        for (name, role, office) in [("张伟", "coordinator", nil), ("李娜", "office", "jiefangbei"), ("赵强", "office", "daping"), ("审计员", "auditor", nil)]
        {
            try run("2026-08-01T09:00:00+08:00", ["people", "add", name, "--role", role, "--as", "王敏"] + (office.map { ["--office", $0] } ?? []))
        }
        try run("2026-08-05T10:00:00+08:00", ["record", "staff_trained", "--batch", "1", "--office", "jiefangbei", "--as", "张伟"])
        try run("2026-08-05T10:00:00+08:00", ["record", "guides_written", "--batch", "1", "--as", "张伟"])
        try run("2026-08-06T10:00:00+08:00", ["record", "network_built", "--batch", "1", "--office", "jiefangbei", "--as", "李娜"])
        try run("2026-08-06T11:00:00+08:00", ["record", "network_built", "--batch", "1", "--office", "daping", "--as", "赵强"])
        try run(
            "2026-08-07T10:00:00+08:00", ["record", "permissions_granted", "--batch", "1", "--office", "jiefangbei,daping,nanjimen", "--as", "张伟"])
        try run("2026-08-08T10:00:00+08:00", ["record", "staff_trained", "--batch", "1", "--office", "all", "--as", "张伟"])
        try run("2026-08-09T10:00:00+08:00", ["record", "guides_written", "--batch", "1", "--as", "审计员"])
        try run("2026-08-10T10:00:00+08:00", ["block", "--batch", "1", "--office", "daping", "--reason", "机房搬迁", "--as", "张伟"])
        try run("2026-08-20T10:00:00+08:00", ["record", "ready", "--batch", "1", "--office", "jiefangbei", "--as", "李娜"])
        try run("2026-09-01T10:00:00+08:00", ["record", "live", "--batch", "1", "--office", "jiefangbei", "--as", "王敏"])
        try run("2026-09-02T10:00:00+08:00", ["problem", "open", "--batch", "1", "--office", "jiefangbei", "--note", "读卡器无法识别", "--as", "李娜"])
        try run("2026-09-03T10:00:00+08:00", ["unblock", "--batch", "1", "--office", "daping", "--reason", "搬迁完成", "--as", "张伟"])
        try run("2026-09-03T11:00:00+08:00", ["correct", "11", "--reason", "误录", "--as", "王敏"])
        try run("2026-09-04T10:00:00+08:00", ["problem", "resolve", "28", "--note", "更换驱动", "--as", "张伟"])
    }
}
