import Hummingbird
import RolloutApp
import RolloutCore
import RolloutWeb

/// A coordinator's account management: who has an account and in what state,
/// create one (its one-time code is shown once), reset a password, disable an
/// account, and the recent failed sign-ins.
struct AccountPages {
    let pages: Pages

    var routes: [PageRoute] {
        let (service, settings) = (pages.service, pages.settings)
        return [
            PageRoute(.get, "/accounts", .coordinator) { _, _, page in
                let actor = try page.actor
                let (accounts, attempts) = try await Blocking.run { (try service.accounts(by: actor), try service.signInAttempts(by: actor)) }
                let t = page.strings
                let plan = service.plan
                let rows = accounts.map { account in
                    let person = account.person
                    let state =
                        account.disabled
                        ? t["state_disabled"]
                        : !account.hasPassword ? t["state_noPassword"] : account.mustChange ? t["state_mustChange"] : t["state_active"]
                    return AccountsPage.Row(
                        login: person.login, name: person.name, role: t["role_\(person.role.rawValue)"],
                        office: person.office.flatMap { plan.office(id: $0)?.name } ?? "", state: state, active: !account.disabled)
                }
                return try pages.html(
                    AccountsPage(
                        frame: await pages.frame(page, title: t["accounts_title"]), accounts: rows,
                        failures: attempts.filter { !$0.succeeded }.prefix(50).map {
                            AccountsPage.Failure(login: $0.login, address: $0.address, at: $0.at)
                        },
                        offices: plan.offices.map { Choice(value: $0.id, label: $0.name, selected: false) }))
            },
            PageRoute(.post, "/accounts", .coordinator) { _, _, page in
                let form = page.form
                let t = page.strings
                let (login, name, role) = (
                    try form.require("login", t["accounts_login"]), try form.require("name", t["accounts_name"]),
                    try form.require("role", t["accounts_role"])
                )
                let office = role == "office" ? form["office"] : nil
                let actor = try page.actor
                let (result, code) = try await Blocking.run {
                    try service.createAccount(
                        login: login, name: name, role: role, office: office, by: actor, at: settings.clock.now(), policy: settings.policy)
                }
                if let code {
                    try await pages.tell(page, t.format("accounts_code", ["login": code.login, "code": code.code]))
                } else {
                    try await OutcomeLine.tell(result, plan: service.plan, page: page, pages: pages)
                }
                return Pages.redirect("/accounts")
            },
            PageRoute(.post, "/accounts/:login/reset", .coordinator) { _, context, page in
                let login = try context.parameters.require("login")
                let actor = try page.actor
                let code = try await Blocking.run {
                    try service.resetPassword(login: login, by: actor, at: settings.clock.now(), policy: settings.policy)
                }
                try await pages.tell(page, page.strings.format("accounts_code", ["login": code.login, "code": code.code]))
                return Pages.redirect("/accounts")
            },
            PageRoute(.post, "/accounts/:login/disable", .coordinator) { _, context, page in
                let login = try context.parameters.require("login")
                let actor = try page.actor
                try await Blocking.run { try service.disableAccount(login: login, by: actor, at: settings.clock.now()) }
                try await pages.tell(page, page.strings.format("accounts_disabled", ["login": login]))
                return Pages.redirect("/accounts")
            },
        ]
    }
}
