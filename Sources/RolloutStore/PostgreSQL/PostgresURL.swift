import Foundation
import NIOSSL
import PostgresNIO

/// A `postgresql://` location given as `--db` or `ROLLOUT_DB`, in libpq's URL
/// form: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, or over a Unix
/// socket `postgresql://USER@/DATABASE?host=/run/postgresql`. `sslmode=require`
/// asks for TLS with the system's trust roots; `disable` (the default on a
/// socket) and `prefer` do not.
struct PostgresURL: Sendable {
    var user: String
    var password: String?
    /// A host name, or nil for a Unix socket.
    var host: String?
    /// The folder holding the server's socket.
    var socketFolder: String?
    var port: Int
    var database: String
    var requireTLS: Bool

    /// Nil when `location` is not a PostgreSQL URL (a file path); throws for a malformed one.
    init?(_ location: String) throws {
        guard location.hasPrefix("postgresql://") || location.hasPrefix("postgres://") else { return nil }
        guard let components = URLComponents(string: location) else {
            throw StoreError.badLocation(location, why: "it is not a well-formed URL")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        for name in query.keys where !["host", "port", "sslmode", "user", "password"].contains(name) {
            throw StoreError.badLocation(location, why: "it has the parameter \(name); expected only host, port, user, password or sslmode")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError.badLocation(location, why: "it names no database; expected postgresql://USER@HOST/DATABASE")
        }
        self.database = database.removingPercentEncoding ?? database
        user = query["user"] ?? components.user?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = query["password"] ?? components.password?.removingPercentEncoding
        let hostParameter = query["host"] ?? (components.host.map { $0.isEmpty ? nil : $0 } ?? nil)
        if let hostParameter, hostParameter.hasPrefix("/") {
            socketFolder = hostParameter
            host = nil
        } else if let hostParameter {
            host = hostParameter
            socketFolder = nil
        } else {
            host = nil
            socketFolder = "/var/run/postgresql"
        }
        if let portText = query["port"] ?? components.port.map(String.init) {
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw StoreError.badLocation(location, why: "its port \(portText) is not a number from 1 to 65535")
            }
            self.port = port
        } else {
            port = 5432
        }
        switch query["sslmode"] ?? "prefer" {
        case "disable", "allow", "prefer": requireTLS = false
        case "require", "verify-ca", "verify-full": requireTLS = true
        case let mode: throw StoreError.badLocation(location, why: "its sslmode \(mode) is not one of disable, prefer, require, verify-full")
        }
    }

    /// The location without its password, for messages and `Store.path`.
    var display: String {
        let server = socketFolder.map { "/\(database)?host=\($0)" } ?? "\(host ?? "")\(port == 5432 ? "" : ":\(port)")/\(database)"
        return "postgresql://\(user)@\(server)"
    }

    /// The same server, another database (tests make and drop their own).
    func with(database: String) -> PostgresURL {
        var url = self
        url.database = database
        return url
    }

    func configuration() throws -> PostgresConnection.Configuration {
        if let socketFolder {
            return PostgresConnection.Configuration(
                unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        }
        let tls: PostgresConnection.Configuration.TLS =
            requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
        return PostgresConnection.Configuration(
            host: host ?? "localhost", port: port, username: user, password: password, database: database, tls: tls)
    }
}
