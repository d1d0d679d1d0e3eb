import Foundation

/// Splits a migration file into statements: PostgreSQL's extended protocol
/// takes one at a time. Semicolons inside quotes, `$$` bodies and comments do not split.
enum PostgresScript {
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var dollarTag: String?
        var quoted = false
        var comment = false
        let characters = Array(script)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if comment {
                if character == "\n" { comment = false }
                index += 1
                continue
            }
            if let tag = dollarTag {
                if character == "$", String(characters[index..<min(characters.count, index + tag.count)]) == tag {
                    current += tag
                    index += tag.count
                    dollarTag = nil
                    continue
                }
            } else if quoted {
                if character == "'" { quoted = false }
            } else if character == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                comment = true
                index += 2
                continue
            } else if character == "'" {
                quoted = true
            } else if character == "$", let end = characters[(index + 1)...].firstIndex(of: "$"),
                characters[(index + 1)..<end].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
            {
                let tag = String(characters[index...end])
                current += tag
                index = end + 1
                dollarTag = tag
                continue
            } else if character == ";" {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { statements.append(statement) }
                current = ""
                index += 1
                continue
            }
            current.append(character)
            index += 1
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { statements.append(last) }
        return statements
    }
}
