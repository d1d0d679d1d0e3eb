extension Duration {
    /// The whole seconds in this duration, for messages.
    package var wholeSeconds: Int64 { components.seconds }

    /// The duration in nanoseconds, for Dispatch's and NIO's time amounts.
    package var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
