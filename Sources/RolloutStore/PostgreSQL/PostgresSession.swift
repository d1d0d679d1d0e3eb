import Logging
import NIOCore
import PostgresNIO
import RolloutCore

/// A PostgreSQL connection inside a transaction, as the store's `SQLExecutor`.
/// Each call waits for its answer on the calling thread, at most `deadline`;
/// the connection's I/O runs on the store's own event loop, never the caller's.
final class PostgresSession: SQLExecutor {
    private let connection: PostgresConnection
    private let logger: Logger
    private let deadline: Duration
    private var lastChanges = 0
    private var cursorsOpened = 0
    /// False once a statement failed other than by the server's answer (a
    /// closed connection, a stall): the connection is then not used again.
    private(set) var reusable = true
    /// Rows a cursor hands over at a time: bounded memory however large the table.
    private static let page = 2000

    init(_ connection: PostgresConnection, logger: Logger, deadline: Duration) {
        self.connection = connection
        self.logger = logger
        self.deadline = deadline
    }

    var dialect: SQLDialect { .postgres }

    var changes: Int { lastChanges }

    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws {
        lastChanges = try run(sql, arguments).metadata.rows ?? 0
    }

    func rows(_ sql: String, _ arguments: [any SQLBindable]) throws -> [StoredRow] {
        try run(sql, arguments).rows.map(Self.stored)
    }

    /// Reads through a cursor, a page at a time (the transaction holds it open).
    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (any SQLRow) throws -> Void) throws {
        let cursor = try openCursor(sql, arguments)
        while true {
            let rows = try fetch(cursor)
            for row in rows { try body(row) }
            if rows.count < Self.page { break }
        }
        try execute("CLOSE \(cursor)")
    }

    func entries(where clause: String, _ arguments: [any SQLBindable]) throws -> any EntrySource {
        let cursor = try openCursor("SELECT \(EntryRow.columns) FROM entries WHERE \(clause) ORDER BY seq", arguments)
        return PostgresEntryStream(session: self, cursor: cursor)
    }

    /// Declares a cursor over `sql` and returns its name.
    func openCursor(_ sql: String, _ arguments: [any SQLBindable]) throws -> String {
        cursorsOpened += 1
        let name = "rollout_cursor_\(cursorsOpened)"
        try execute("DECLARE \(name) NO SCROLL CURSOR FOR \(sql)", arguments)
        return name
    }

    /// The next page of a cursor's rows; fewer than a page at the end.
    func fetch(_ cursor: String) throws -> [StoredRow] {
        try rows("FETCH FORWARD \(Self.page) FROM \(cursor)", [])
    }

    private func run(_ sql: String, _ arguments: [any SQLBindable]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument.sqlValue {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            }
        }
        do {
            return try PostgresWait.value(
                of: connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings), logger: logger),
                within: deadline, on: connection)
        } catch let error as PSQLError where error.code == .server {
            throw error
        } catch {
            reusable = false
            throw error
        }
    }

    /// The store's `?` and `?N` placeholders as PostgreSQL's `$N` (outside quoted text).
    static func numbered(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var next = 0
        var quoted = false
        var characters = sql.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if character == "'" { quoted.toggle() }
            guard character == "?", !quoted else {
                result.append(character)
                continue
            }
            var digits = ""
            while let digit = pending, digit.isASCII, digit.isNumber {
                digits.append(digit)
                pending = characters.next()
            }
            if digits.isEmpty {
                next += 1
                digits = String(next)
            }
            result += "$" + digits
        }
        return result
    }

    static func stored(_ row: PostgresRow) -> StoredRow {
        StoredRow(row.map(value))
    }

    /// A cell as the store reads it: booleans as 0/1, like SQLite.
    private static func value(_ cell: PostgresCell) -> SQLValue {
        guard let bytes = cell.bytes else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map(SQLValue.integer) ?? .null
        case .bool: return (try? cell.decode(Bool.self)).map { .integer($0 ? 1 : 0) } ?? .null
        case .bytea: return .blob(Array(bytes.readableBytesView))
        case .numeric: return (try? cell.decode(String.self)).flatMap { Int64($0) }.map(SQLValue.integer) ?? .null
        default: return .text(String(buffer: bytes))
        }
    }
}

/// Entries read through a cursor a page at a time, decoded by `EntryRow.decode`.
struct PostgresEntryStream: EntrySource {
    let session: PostgresSession
    let cursor: String
    private var page: [StoredRow] = []
    private var index = 0
    private var finished = false

    init(session: PostgresSession, cursor: String) {
        self.session = session
        self.cursor = cursor
    }

    mutating func next() throws -> Entry? {
        if index == page.count {
            guard !finished else { return nil }
            page = try session.fetch(cursor)
            index = 0
            if page.isEmpty {
                finished = true
                try session.execute("CLOSE \(cursor)")
                return nil
            }
        }
        index += 1
        return try EntryRow.decode(page[index - 1])
    }
}
