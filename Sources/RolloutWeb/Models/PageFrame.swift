import RolloutApp
import RolloutCore

/// What surrounds every page of the server: title, language, the menu for
/// the person's role, who is signed in, the CSRF token for forms, messages
/// from the last form, and the words of the page's language.
package struct PageFrame: Sendable {
    /// A link of the menu, or the language switch.
    package struct Link: Sendable {
        let href: String
        let label: String
    }

    /// A message a form leaves for the next page: what happened, or why not.
    package struct Message: Sendable {
        package let text: String
        package let error: Bool

        package init(text: String, error: Bool) {
            self.text = text
            self.error = error
        }
    }

    let title: String
    let lang: String
    let appTitle: String
    let user: String?
    let csrf: String?
    let links: [Link]
    let languageLink: Link
    let messages: [Message]
    /// The string table of the page's language; each page model carries it as `t`.
    package let strings: PageStrings

    /// The frame of a page at `address` (path and query, without `lang`) for
    /// `signedIn` in `language`; `session` signs the forms' CSRF token.
    package init(title: String, language: Language, address: String, signedIn: SignedIn?, session: String?, messages: [Message]) {
        let t = PageStrings(language)
        strings = t
        self.title = title
        lang = language.tag
        appTitle = t["app_title"]
        self.messages = messages
        csrf = session.map { Secrets.csrfToken(session: $0) }
        let other: Language = language == .zh ? .en : .zh
        languageLink = Link(href: address + (address.contains("?") ? "&" : "?") + "lang=\(other.rawValue)", label: t["nav_language"])
        guard let signedIn, !signedIn.mustChangePassword else {
            user = signedIn.map { $0.person.name }
            links = []
            return
        }
        let person = signedIn.person
        user = t.format("frame_user", ["name": person.name, "role": t["role_\(person.role.rawValue)"]])
        var links = [Link(href: "/board", label: t["nav_board"])]
        if person.role == .office, let office = person.office { links.append(Link(href: "/offices/\(office)", label: t["nav_office"])) }
        if person.role == .coordinator {
            links += [
                Link(href: "/record", label: t["nav_record"]), Link(href: "/import", label: t["nav_import"]),
                Link(href: "/correct", label: t["nav_correct"]),
                Link(href: "/blocks", label: t["nav_block"]), Link(href: "/accounts", label: t["nav_accounts"]),
            ]
        }
        links.append(Link(href: "/history", label: t["nav_history"]))
        if person.role != .office {
            links += [
                Link(href: "/refusals", label: t["nav_refusals"]), Link(href: "/changes", label: t["nav_changes"]),
                Link(href: "/verify", label: t["nav_verify"]),
            ]
        }
        self.links = links
    }
}
