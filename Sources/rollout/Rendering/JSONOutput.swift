import Foundation

/// Stable machine output: sorted keys, pretty-printed, UTF-8 unescaped.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        Swift.print(try text(value), terminator: "")
    }

    /// The JSON text, ending with a newline.
    static func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
