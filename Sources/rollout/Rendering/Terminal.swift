import Foundation

/// Output to the terminal: stdout, stderr, and colour only when stdout is a
/// terminal and `NO_COLOR` is not set.
enum Terminal {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Decided once per process: stdout is a terminal and `NO_COLOR` is unset or empty.
    static let usesColor: Bool = {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }()

    /// The colours the tables use.
    enum Color: String {
        case green = "32", yellow = "33", red = "31", grey = "90", bold = "1"
    }

    /// `text` in `color` when colour is on.
    static func paint(_ text: String, _ color: Color) -> String {
        usesColor ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
