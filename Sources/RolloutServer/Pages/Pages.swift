import HTTPTypes
import Hummingbird
import NIOCore
import RolloutApp
import RolloutCore
import RolloutWeb

/// What every page handler shares: the service, the settings and the
/// templates; the messages carried across a redirect (post/redirect/get) are
/// kept with the session in the database (`RolloutService.leaveMessage`).
struct Pages: Sendable {
    let service: RolloutService
    let settings: ServerSettings
    let renderer: PageRenderer

    /// The cookie that keeps a person's language choice.
    static let languageCookie = "rollout_lang"

    /// A 303 to `location`: after a form post the browser fetches the result with GET.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The frame of `page`'s page titled `title`: language, menu, who is signed
    /// in, and the messages the last form left (taken, so each is shown once).
    /// A database that cannot give them costs the page its messages, not the page.
    func frame(_ page: PageRequest, title: String) async -> PageFrame {
        var messages: [PageFrame.Message] = []
        if let session = page.session {
            let service = service
            let waiting = (try? await Blocking.run { try service.takeMessages(forSession: session) }) ?? []
            messages = waiting.map { PageFrame.Message(text: $0.text, error: $0.error) }
        }
        return PageFrame(page: page, title: title, messages: messages)
    }

    /// `model` rendered through its own template.
    func html<Model: PageModel>(_ model: Model, status: HTTPResponse.Status = .ok) throws -> Response {
        let text = try renderer.render(model)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// An error as a page: the same status and message the API gives.
    func error(status: HTTPResponse.Status, message: String, _ page: PageRequest, requestID: String) throws -> Response {
        let frame = PageFrame(page: page, title: page.strings["error_title"], messages: [])
        return try html(ErrorPage(frame: frame, message: message, requestID: requestID), status: status)
    }

    /// Leaves a message for the page the browser is sent to next, whichever server serves it.
    func tell(_ page: PageRequest, _ text: String, error: Bool = false) async throws {
        try await tell(page, [(text, error)])
    }

    /// Leaves messages for the next page, in one transaction.
    func tell(_ page: PageRequest, _ messages: [(text: String, error: Bool)]) async throws {
        guard let session = page.session, !messages.isEmpty else { return }
        let (service, now) = (service, settings.clock.now())
        try await Blocking.run { try service.leaveMessages(messages, forSession: session, at: now) }
    }
}
