import ArgumentParser

/// `--office`: one office, a comma-separated list, repeated options, or `all`.
struct OfficeSelection: ParsableArguments {
    @Option(name: .long, help: "Office id or Chinese name; several with commas or repeated; `all` for every office.")
    var office: [String] = []
}
