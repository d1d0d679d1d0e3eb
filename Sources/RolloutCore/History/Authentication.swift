/// How the person behind an entry was authenticated, as recorded in `auth`.
package enum Authentication: String, CaseIterable, Sendable {
    /// Signed in to the web pages: a session cookie.
    case webSession = "web_session"
    /// A bearer token of the JSON API.
    case apiToken = "api_token"
    /// The command line on the server's machine (`--as`): whoever can write
    /// the database file is its administrator.
    case cli
}
