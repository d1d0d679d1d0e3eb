/// A street (subdistrict) office, 街道.
package struct Office: Codable, Equatable, Sendable {
    /// Stable ASCII id, e.g. `jiefangbei`.
    package var id: String
    /// The Chinese name, e.g. 解放碑街道.
    package var name: String

    package init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// How messages and tables name it: `解放碑街道 (jiefangbei)`.
    package var label: String { "\(name) (\(id))" }
}
