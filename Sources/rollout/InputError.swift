/// A bad value on the command line or in the environment.
struct InputError: Error {
    let message: String

    init(_ message: String) { self.message = message }
}
