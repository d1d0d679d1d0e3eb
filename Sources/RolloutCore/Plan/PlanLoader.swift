import Foundation

/// Builds a validated `Plan` from the bytes of a fixture folder's three files:
/// `plan.json`, `offices.json` and `items.json` (format in `docs/data.md`).
///
/// Pure: the caller reads the files. Every problem is reported as a `PlanError`
/// naming the file, the key path or line, and what was expected.
package enum PlanLoader {
    /// The files a fixture folder must contain.
    package static let fileNames = ["plan.json", "offices.json", "items.json"]

    /// Loads a plan. `files` maps each file name to its bytes; `year` overrides the plan's year.
    package static func load(files: [String: [UInt8]], year: Int? = nil) throws(PlanError) -> Plan {
        for name in fileNames where files[name] == nil {
            throw PlanError(file: name, message: "file is missing; a fixture folder needs \(fileNames.joined(separator: ", "))")
        }
        let settings: PlanSettings = try decode(PlanSettings.self, file: "plan.json", bytes: files["plan.json"] ?? [])
        let offices: [Office] = try decode([Office].self, file: "offices.json", bytes: files["offices.json"] ?? [])
        let items: [Item] = try decode([Item].self, file: "items.json", bytes: files["items.json"] ?? [])
        var plan = settings.plan(offices: offices, items: items)
        if let year { plan.year = year }
        try PlanValidator.validate(plan)
        return plan
    }

    private static func decode<T: Decodable>(_ type: T.Type, file: String, bytes: [UInt8]) throws(PlanError) -> T {
        if let line = firstInvalidUTF8Line(bytes) {
            throw PlanError(file: file, location: "line \(line)", message: "invalid UTF-8; fixture files must be UTF-8 text")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error, file: file)
        } catch {
            throw PlanError(file: file, message: "cannot be read as JSON: \(error)")
        }
    }

    /// The 1-based line of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): if scalar.count == 1 && scalar.first == 0x0A { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    private static func describe(_ error: DecodingError, file: String) -> PlanError {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : "." + key.stringValue }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return PlanError(file: file, location: path(context.codingPath), message: "missing key \"\(key.stringValue)\"")
        case .typeMismatch(let type, let context):
            return PlanError(file: file, location: path(context.codingPath), message: "expected \(expected(type))")
        case .valueNotFound(let type, let context):
            return PlanError(file: file, location: path(context.codingPath), message: "expected \(expected(type)), found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return PlanError(file: file, message: "not valid JSON" + (detail.map { " (\($0))" } ?? ""))
            }
            return PlanError(file: file, location: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return PlanError(file: file, message: "cannot be read: \(error)")
        }
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "\(type)"
        }
    }
}
