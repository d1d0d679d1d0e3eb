/// What one template reads, as a type: each page has its own model, named
/// after its template, and names that template here, so a page cannot be
/// rendered through another's template nor read a value its model lacks
/// (`PageModelTests` holds every template's keys to its model).
package protocol PageModel: Sendable {
    /// The template the model fills, without `.mustache`.
    static var template: String { get }
}
