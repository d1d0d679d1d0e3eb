import RolloutCore
import RolloutStore

/// An account as coordinators review it.
package struct AccountSummary: Sendable, Equatable {
    package let person: Person
    /// A password (or one-time code) was issued.
    package let hasPassword: Bool
    package let mustChange: Bool
    package let disabled: Bool
}

/// A one-time code issued to a person, shown once to the coordinator who issued it.
package struct IssuedCode: Sendable, Equatable {
    package let login: String
    package let code: String
}

extension RolloutService {
    // MARK: Coordinators manage accounts

    /// Registers a person (an entry in the history) and issues them a one-time
    /// code to sign in with. A refused registration issues nothing.
    package func createAccount(
        login: String, name: String, role: String, office: String?, by actor: Identity, at now: Timestamp,
        policy: AccountPolicy = .standard
    ) throws -> (result: ActionResult, code: IssuedCode?) {
        try requireCoordinator(actor, toDo: "create accounts")
        if let problem = Person.loginProblem(login) { throw InputError(problem) }
        let result = try addPerson(name: name, login: login, role: role, office: office, by: actor, at: now)
        guard result.recorded == 1 else { return (result, nil) }
        return (result, try issueCode(login: login, at: now, policy: policy))
    }

    /// Issues a new one-time code to a registered person (also the first one
    /// for people registered before accounts existed) and ends their sessions.
    package func resetPassword(login: String, by actor: Identity, at now: Timestamp, policy: AccountPolicy = .standard) throws -> IssuedCode {
        try requireCoordinator(actor, toDo: "reset passwords")
        guard try registered(login) != nil else {
            throw InputError("no registered person has the login \"\(login)\"; `rollout people list` shows them")
        }
        return try issueCode(login: login, at: now, policy: policy)
    }

    /// Disables an account: its sessions end and its tokens are revoked at once.
    package func disableAccount(login: String, by actor: Identity, at now: Timestamp) throws {
        try requireCoordinator(actor, toDo: "disable accounts")
        guard try store.account(login: login) != nil else { throw InputError("\"\(login)\" has no account; expected the login of a person with one") }
        try store.disableAccount(login: login, at: now.iso8601)
    }

    /// Every registered person with the state of their account.
    package func accounts(by actor: Identity) throws -> [AccountSummary] {
        try requireCoordinator(actor, toDo: "review accounts")
        let accounts = Dictionary(uniqueKeysWithValues: try store.accounts().map { ($0.login, $0) })
        return try store.people().map { person in
            let account = accounts[person.login]
            return AccountSummary(
                person: person, hasPassword: account?.passwordHash != nil, mustChange: account?.mustChange ?? false,
                disabled: account?.disabled ?? false)
        }
    }

    /// The newest sign-in attempts, failures and successes.
    package func signInAttempts(by actor: Identity, limit: Int = 200) throws -> [SignInAttempt] {
        try requireCoordinator(actor, toDo: "review sign-in attempts")
        return try store.signInAttempts(limit: limit)
    }

    // MARK: Signing in

    /// Checks a login and password from `address`; on success starts a session.
    /// Failed attempts are recorded; after too many for one login (or from one
    /// address) within the policy's window, tries are refused until it passes,
    /// so that a stranger can delay the real person but never lock them out for
    /// good. The count and the recording are one step (`claimSignInAttempt`), and
    /// an unknown login costs the same bcrypt check as a known one, so the time
    /// an answer takes does not tell whether a login exists. A login or password
    /// longer than any real one is refused before anything is stored.
    package func signIn(login: String, password: String, address: String, at now: Timestamp, policy: AccountPolicy = .standard) throws -> NewSession {
        guard !login.isEmpty, login.count <= Self.maximumLogin else {
            throw InputError("the login is \(login.count) characters long; expected 1 to \(Self.maximumLogin)")
        }
        guard password.utf8.count <= Self.maximumPassword else {
            throw InputError("the password is \(password.utf8.count) bytes long; expected at most \(Self.maximumPassword)")
        }
        let since = Timestamp(seconds: now.seconds - policy.throttleWindowSeconds).iso8601
        let claim = try store.claimSignInAttempt(
            SignInAttempt(login: login, address: address, at: now.iso8601, succeeded: false), since: since,
            perLogin: policy.failuresPerAccount, perAddress: policy.failuresPerAddress)
        let attempt: Int64
        switch claim {
        case .claimed(let id):
            attempt = id
        case .throttled(let failures, let limit):
            let oldest = failures.prefix(limit).last.flatMap { Timestamp(iso8601: $0.at) } ?? now
            throw SignInRefused.throttled(until: Timestamp(seconds: oldest.seconds + policy.throttleWindowSeconds).iso8601)
        }
        let person = try registered(login)
        let account = try store.account(login: login)
        let hash = account?.passwordHash ?? Secrets.unmatchableHash(cost: policy.bcryptCost)
        let matches = Secrets.passwordMatches(password, hash: hash)
        guard matches, let person, let account, !account.disabled, account.passwordHash != nil else {
            throw SignInRefused.wrongCredentials
        }
        try store.markSignInSucceeded(id: attempt)
        let id = Secrets.sessionID()
        try store.createSession(idHash: Secrets.digest(id), login: login, at: now.iso8601)
        return NewSession(id: id, signedIn: SignedIn(person: person, authentication: .webSession, mustChangePassword: account.mustChange))
    }

    /// The longest login anyone has (`Person.loginProblem`).
    static let maximumLogin = 64
    /// The longest password accepted; bcrypt reads only the first 72 bytes.
    static let maximumPassword = 1024

    /// The person behind a session id, if the session is alive (within both
    /// expiries), their account enabled and they are still on the register.
    package func signedIn(session id: String, at now: Timestamp, policy: AccountPolicy = .standard) throws -> SignedIn? {
        let hash = Secrets.digest(id)
        guard let session = try store.session(idHash: hash) else { return nil }
        guard let lastSeen = Timestamp(iso8601: session.lastSeen), let created = Timestamp(iso8601: session.createdAt),
            now.seconds - lastSeen.seconds <= policy.sessionIdleSeconds, now.seconds - created.seconds <= policy.sessionLifetimeSeconds,
            let account = try store.account(login: session.login), !account.disabled, let person = try registered(session.login)
        else {
            try store.endSession(idHash: hash)
            return nil
        }
        if now.seconds - lastSeen.seconds >= 60 { try store.touchSession(idHash: hash, at: now.iso8601) }
        return SignedIn(person: person, authentication: .webSession, mustChangePassword: account.mustChange)
    }

    /// Ends a session (signing out); the id can never be used again.
    package func signOut(session id: String) throws {
        try store.endSession(idHash: Secrets.digest(id))
    }

    /// Changes a password after checking the current one (or the one-time
    /// code); every other session of the account ends.
    package func changePassword(
        login: String, current: String, new: String, keepingSession session: String?, at now: Timestamp,
        policy: AccountPolicy = .standard
    ) throws {
        guard let account = try store.account(login: login), let hash = account.passwordHash, !account.disabled,
            Secrets.passwordMatches(current, hash: hash)
        else {
            throw InputError("the current password is wrong")
        }
        guard new.count >= policy.minimumPasswordLength else {
            throw InputError("the new password has \(new.count) characters; expected at least \(policy.minimumPasswordLength)")
        }
        guard new != current, new != login else { throw InputError("the new password must differ from the current one and from the login") }
        try NoteText.check(new, what: "new password")
        try store.setPassword(
            login: login, hash: Secrets.hashPassword(new, cost: policy.bcryptCost), mustChange: false, at: now.iso8601,
            keeping: session.map(Secrets.digest))
    }

    // MARK: API tokens

    /// A new bearer token for the signed-in person, valid for `days`.
    package func createToken(for signedIn: SignedIn, name: String, days: Int?, at now: Timestamp, policy: AccountPolicy = .standard) throws
        -> IssuedToken
    {
        try NoteText.check(name, what: "token name")
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 100 else {
            throw InputError("a token needs a name of 1 to 100 characters")
        }
        let days = days ?? policy.tokenDefaultDays
        guard (1...policy.tokenMaximumDays).contains(days) else {
            throw InputError("invalid expiry of \(days) days; expected 1 to \(policy.tokenMaximumDays)")
        }
        let token = Secrets.apiToken()
        let expires = Timestamp(seconds: now.seconds + Int64(days) * 86_400).iso8601
        let id = try store.createToken(hash: Secrets.digest(token), login: signedIn.person.login, name: name, at: now.iso8601, expiresAt: expires)
        return IssuedToken(token: token, record: APITokenView(id: id, name: name, createdAt: now.iso8601, expiresAt: expires, revokedAt: nil))
    }

    /// The signed-in person's tokens.
    package func tokens(for signedIn: SignedIn) throws -> [APITokenView] {
        try store.tokens(login: signedIn.person.login).map {
            APITokenView(id: $0.id, name: $0.name, createdAt: $0.createdAt, expiresAt: $0.expiresAt, revokedAt: $0.revokedAt)
        }
    }

    /// Revokes one of the signed-in person's tokens.
    package func revokeToken(id: Int64, for signedIn: SignedIn, at now: Timestamp) throws {
        guard try store.revokeToken(id: id, login: signedIn.person.login, at: now.iso8601) else {
            throw InputError("you have no live token #\(id)")
        }
    }

    /// The person behind a bearer token, if it is live and its account enabled.
    package func signedIn(token: String, at now: Timestamp) throws -> SignedIn? {
        guard let record = try store.token(hash: Secrets.digest(token)), record.revokedAt == nil, record.expiresAt > now.iso8601,
            let account = try store.account(login: record.login), !account.disabled, !account.mustChange,
            let person = try registered(record.login)
        else { return nil }
        return SignedIn(person: person, authentication: .apiToken, mustChangePassword: false)
    }

    // MARK: Helpers

    /// The person on the register with exactly this login.
    func registered(_ login: String) throws -> Person? {
        try store.person(login: login)
    }

    private func requireCoordinator(_ actor: Identity, toDo what: String) throws {
        guard let person = try registered(actor.login) else {
            throw PermissionDenied("\(actor.login) is not on the register; only a coordinator may \(what)")
        }
        guard person.role == .coordinator else {
            throw PermissionDenied("only a coordinator may \(what); \(person.name) is \(person.role == .office ? "office staff" : "an auditor")")
        }
    }

    private func issueCode(login: String, at now: Timestamp, policy: AccountPolicy) throws -> IssuedCode {
        let code = Secrets.oneTimeCode()
        try store.setPassword(login: login, hash: Secrets.hashPassword(code, cost: policy.bcryptCost), mustChange: true, at: now.iso8601)
        return IssuedCode(login: login, code: code)
    }
}
