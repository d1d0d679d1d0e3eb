import HTTPTypes
import Hummingbird
import NIOCore
import RolloutApp
import RolloutCore
import RolloutWeb

/// What every page handler shares: the service, the settings, the templates
/// and the messages carried across a redirect (post/redirect/get).
struct Pages: Sendable {
    let service: RolloutService
    let settings: ServerSettings
    let renderer: PageRenderer
    let flash: FlashMessages

    /// The cookie that keeps a person's language choice.
    static let languageCookie = "rollout_lang"

    /// A 303 to `location`: after a form post the browser fetches the result with GET.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The frame of `page`'s page titled `title`: language, menu, who is signed
    /// in, and the messages the last form left (taken, so each is shown once).
    func frame(_ page: PageRequest, title: String) async -> PageFrame {
        var messages: [FlashMessages.Message] = []
        if let session = page.session { messages = await flash.take(session: session) }
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

    /// Remembers a message for the page the browser is sent to next.
    func tell(_ page: PageRequest, _ text: String, error: Bool = false) async {
        guard let session = page.session else { return }
        await flash.add(FlashMessages.Message(text: text, error: error), session: session)
    }
}
