import Foundation
import HTTPTypes
import Hummingbird
import RolloutApp
import RolloutCore
import RolloutWeb

/// Signing in and out, and the password change a one-time code leads to.
struct SessionPages {
    let pages: Pages

    var routes: [PageRoute] {
        let (service, settings) = (pages.service, pages.settings)
        return [
            PageRoute(.get, "/", .anyone) { _, context, _ in Pages.redirect(context.signedIn == nil ? "/signin" : "/board") },
            PageRoute(.get, "/signin", .anyone) { request, context, page in
                if context.signedIn != nil, context.session != nil { return Pages.redirect("/board") }
                return try await signInPage(page, next: request.query("next"), login: nil, error: nil, status: .ok)
            },
            PageRoute(.post, "/signin", .anyone) { request, context, page in
                let login = page.form["login"] ?? ""
                let password = page.form.fields["password"]?.first ?? ""
                let address = SessionRoutes.clientAddress(request, context, settings)
                let session: NewSession
                do {
                    session = try await Blocking.run {
                        try service.signIn(login: login, password: password, address: address, at: settings.clock.now(), policy: settings.policy)
                    }
                } catch let refused as SignInRefused {
                    let status: HTTPResponse.Status = if case .throttled = refused { .tooManyRequests } else { .unauthorized }
                    return try await signInPage(page, next: page.form["next"], login: login, error: refused.description, status: status)
                }
                var response = Pages.redirect(session.signedIn.mustChangePassword ? "/password" : Self.safeNext(page.form["next"]))
                response.setCookie(AuthenticationMiddleware.sessionCookie(session.id, settings: settings))
                return response
            },
            PageRoute(.post, "/signout", .signedInWithCode) { _, _, page in
                if let session = page.session { try await Blocking.run { try service.signOut(session: session) } }
                var response = Pages.redirect("/signin")
                response.setCookie(AuthenticationMiddleware.clearedSessionCookie(settings: settings))
                return response
            },
            PageRoute(.get, "/password", .signedInWithCode) { _, _, page in
                let frame = await pages.frame(page, title: page.strings["password_title"])
                return try pages.html(PasswordPage(frame: frame, mustChange: page.signedIn?.mustChangePassword ?? false))
            },
            PageRoute(.post, "/password", .signedInWithCode) { _, _, page in
                let (current, new) = (page.form.fields["current"]?.first ?? "", page.form.fields["new"]?.first ?? "")
                guard new == page.form.fields["repeat"]?.first ?? "" else { throw InputError(page.strings["password_mismatch"]) }
                let (login, session) = (try page.person.login, page.session)
                try await Blocking.run {
                    try service.changePassword(
                        login: login, current: current, new: new, keepingSession: session, at: settings.clock.now(), policy: settings.policy)
                }
                try await pages.tell(page, page.strings["password_changed"])
                return Pages.redirect("/board")
            },
        ]
    }

    private func signInPage(_ page: PageRequest, next: String?, login: String?, error: String?, status: HTTPResponse.Status) async throws
        -> Response
    {
        try pages.html(
            SignInPage(frame: await pages.frame(page, title: page.strings["signIn_title"]), next: next ?? "", login: login ?? "", error: error),
            status: status)
    }

    /// Where to go after signing in: a path on this site only, never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), isPlainPath(next), !next.hasPrefix("/signin") else { return "/board" }
        return next
    }

    /// A path of single slashes, without backslashes or control characters, encoded or not.
    private static func isPlainPath(_ path: String) -> Bool {
        let decoded = path.removingPercentEncoding ?? path
        return [path, decoded].allSatisfy { text in
            !text.contains("//") && !text.contains("\\")
                && !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        }
    }

}
