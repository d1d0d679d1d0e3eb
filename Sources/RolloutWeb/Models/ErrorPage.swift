/// An error as a page: the message the API gives, and the request's id to quote.
package struct ErrorPage: PageModel {
    package static let template = "error"

    let frame: PageFrame
    let t: [String: String]
    let message: String
    let requestID: String

    package init(frame: PageFrame, message: String, requestID: String) {
        self.frame = frame
        t = frame.strings.all
        self.message = message
        self.requestID = requestID
    }
}
