import RolloutWeb

extension PageFrame {
    /// The frame of `page`: its title, language, address, the person signed
    /// in (the menu for their role) and their session's CSRF token, and `messages`.
    init(page: PageRequest, title: String, messages: [Message]) {
        self.init(
            title: title, language: page.language, address: page.address, signedIn: page.signedIn, session: page.session, messages: messages)
    }
}
