/// The OpenAPI 3.1 description of the JSON API: `docs/openapi.yaml`, compiled in.
enum OpenAPIDocument {
    static var text: String { EmbeddedAPI.files.first { $0.name == "openapi.yaml" }?.contents ?? "" }

    /// Every operation the document describes, as `METHOD path`.
    static var operations: Set<String> {
        var operations = Set<String>(), path: String?
        var inPaths = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            guard inPaths else { continue }
            if !line.isEmpty, !line.hasPrefix(" ") { break }
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("    "), !line.hasPrefix("     "), let path,
                ["get:", "post:", "put:", "delete:", "patch:"].contains(trimmed)
            {
                operations.insert("\(trimmed.dropLast().uppercased()) \(path)")
            }
        }
        return operations
    }
}
