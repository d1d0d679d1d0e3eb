import RolloutApp
import RolloutCore
import RolloutWeb

/// What surrounds every page: title, language, the menu for the person's
/// role, who is signed in, the CSRF token for forms, and messages.
struct PageFrame: Sendable {
    struct Link: Sendable {
        let href: String
        let label: String
    }

    let title: String
    let lang: String
    let appTitle: String
    let user: String?
    let csrf: String?
    let links: [Link]
    let languageLink: Link
    let messages: [FlashMessages.Message]

    init(page: PageRequest, title: String, messages: [FlashMessages.Message]) {
        let t = page.strings
        self.title = title
        lang = page.language.tag
        appTitle = t["app_title"]
        self.messages = messages
        csrf = page.session.map { Secrets.csrfToken(session: $0) }
        let other: Language = page.language == .zh ? .en : .zh
        languageLink = Link(href: page.address + (page.address.contains("?") ? "&" : "?") + "lang=\(other.rawValue)", label: t["nav_language"])
        guard let signedIn = page.signedIn, !signedIn.mustChangePassword else {
            user = page.signedIn.map { $0.person.name }
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
