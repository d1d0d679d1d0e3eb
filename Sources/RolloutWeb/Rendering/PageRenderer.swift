import Mustache

/// Renders the pages from the templates compiled into the binary
/// (`Sources/RolloutWeb/Templates`): the server's pages and `report --html`
/// go through the same templates. Every `{{value}}` is HTML-escaped byte by
/// byte (`ScalarHTMLEscaping`), so what a person typed is always shown as text.
package struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    /// The stylesheet every page links to (and the report carries inline).
    package static let stylesheet: String = EmbeddedTemplates.files.first { $0.name == "style.css" }?.contents ?? ""

    /// The library of every template; a template that does not parse is reported by name.
    package init() throws {
        _ = ScalarHTMLEscaping.registered
        var library = MustacheLibrary()
        for file in EmbeddedTemplates.files where file.name.hasSuffix(".mustache") {
            do {
                // Every template escapes byte by byte (ScalarHTMLEscaping), not by the library's graphemes.
                let template = "{{% CONTENT_TYPE: \(ScalarHTMLEscaping.name)}}" + file.contents
                try library.register(template, named: String(file.name.dropLast(".mustache".count)))
            } catch {
                throw TemplateError(template: file.name, reason: "\(error)")
            }
        }
        self.library = library
    }

    /// The names of the templates, without extension.
    package static var templateNames: [String] {
        EmbeddedTemplates.files.map(\.name).filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
    }

    /// The template of `model`'s type filled from `model`.
    package func render<Model: PageModel>(_ model: Model) throws -> String {
        guard let html = library.render(model, withTemplate: Model.template) else {
            throw TemplateError(template: Model.template, reason: "no such template")
        }
        return html
    }

    /// The template `name` filled from `model`, which must be `model`'s own template
    /// (the form `report --html` calls; `render(_:)` takes the name from the model).
    package func render<Model: PageModel>(_ name: String, _ model: Model) throws -> String {
        guard name == Model.template else { throw TemplateError(template: name, reason: "\(Model.self) fills \(Model.template), not \(name)") }
        return try render(model)
    }
}

/// A template that is missing or does not parse: a fault of the build, named.
package struct TemplateError: Error, CustomStringConvertible {
    package let template: String
    package let reason: String
    package var description: String { "template \(template): \(reason)" }
}
