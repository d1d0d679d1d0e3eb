/// A street (subdistrict) office, 街道.
public struct Office: Codable, Equatable, Sendable {
    /// Stable ASCII id, e.g. `jiefangbei`.
    public var id: String
    /// The Chinese name, e.g. 解放碑街道.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// How messages and tables name it: `解放碑街道 (jiefangbei)`.
    public var label: String { "\(name) (\(id))" }
}
