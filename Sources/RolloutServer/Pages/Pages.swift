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

    /// The page `template` for `page`'s person: the frame (language, menu,
    /// who is signed in, messages from the last form) and `fields`.
    func html(_ template: String, _ page: PageRequest, title: String, _ fields: [String: Any] = [:], status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        var messages: [FlashMessages.Message] = []
        if let session = page.session { messages = await flash.take(session: session) }
        var model = fields
        model["frame"] = PageFrame(page: page, title: title, messages: messages)
        model["t"] = page.strings.all
        let text = try renderer.render(template, model)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// An error as a page: the same status and message the API gives.
    func error(status: HTTPResponse.Status, message: String, _ page: PageRequest, requestID: String) throws -> Response {
        let t = page.strings
        let model: [String: Any] = [
            "frame": PageFrame(page: page, title: t["error_title"], messages: []), "t": t.all, "message": message, "requestID": requestID,
        ]
        let text = try renderer.render("error", model)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Remembers a message for the page the browser is sent to next.
    func tell(_ page: PageRequest, _ text: String, error: Bool = false) async {
        guard let session = page.session else { return }
        await flash.add(FlashMessages.Message(text: text, error: error), session: session)
    }
}
