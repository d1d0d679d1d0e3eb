/// Decodes `Decodable` values from a parsed `CanonicalJSON` tree.
///
/// Used for the plan document stored in every database, which each command
/// reads: Foundation's `JSONDecoder` spends about a millisecond on first-use
/// type checks for the dozen types of a plan, this decoder none.
enum CanonicalJSONDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from value: CanonicalJSON) throws -> T {
        try T(from: TreeDecoder(value: value, codingPath: []))
    }
}

private struct TreeDecoder: Decoder {
    let value: CanonicalJSON
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: CanonicalJSON].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let values) = value else { throw mismatch([CanonicalJSON].self, value, codingPath) }
        return UnkeyedContainer(values: values, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath)
    }
}

private func mismatch(_ type: Any.Type, _ value: CanonicalJSON, _ path: [any CodingKey]) -> DecodingError {
    DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type), found \(value.text.prefix(40))"))
}

/// The conversions from one JSON value shared by the three containers.
private extension CanonicalJSON {
    func string(_ path: [any CodingKey]) throws -> String {
        guard case .string(let string) = self else { throw mismatch(String.self, self, path) }
        return string
    }

    func bool(_ path: [any CodingKey]) throws -> Bool {
        guard case .bool(let bool) = self else { throw mismatch(Bool.self, self, path) }
        return bool
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, _ path: [any CodingKey]) throws -> T {
        guard case .int(let number) = self, let value = T(exactly: number) else { throw mismatch(T.self, self, path) }
        return value
    }

    func floatingPoint<T: BinaryFloatingPoint>(_ type: T.Type, _ path: [any CodingKey]) throws -> T {
        guard case .int(let number) = self else { throw mismatch(T.self, self, path) }
        return T(number)
    }

    func decode<T: Decodable>(_ type: T.Type, _ path: [any CodingKey]) throws -> T {
        try T(from: TreeDecoder(value: self, codingPath: path))
    }
}

/// The primitive `decode` overloads of the keyed and unkeyed containers come
/// from the standard library, which routes them through the generic `decode`
/// to a single-value container, where the conversions are.
private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: CanonicalJSON]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.keys.compactMap(Key.init(stringValue:)) }
    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func value(_ key: Key) throws -> CanonicalJSON {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no \"\(key.stringValue)\""))
        }
        return value
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key) == .null }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key).decode(type, path(key)) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(value: value(key), codingPath: path(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: value(key), codingPath: path(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { TreeDecoder(value: .object(members), codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder { TreeDecoder(value: try value(key), codingPath: path(key)) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let values: [CanonicalJSON]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(values: [CanonicalJSON], codingPath: [any CodingKey]) {
        self.values = values
        self.codingPath = codingPath
    }

    var count: Int? { values.count }
    var isAtEnd: Bool { currentIndex >= values.count }

    private struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    private mutating func next() throws -> (CanonicalJSON, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the list has only \(values.count) values"))
        }
        defer { currentIndex += 1 }
        return (values[currentIndex], codingPath + [Index(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, values[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { let (value, path) = try next(); return try value.decode(type, path) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try next()
        return try TreeDecoder(value: value, codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next()
        return try TreeDecoder(value: value, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next()
        return TreeDecoder(value: value, codingPath: path)
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: CanonicalJSON
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try value.bool(codingPath) }
    func decode(_ type: String.Type) throws -> String { try value.string(codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try value.floatingPoint(type, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try value.floatingPoint(type, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try value.integer(type, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try value.integer(type, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try value.integer(type, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try value.integer(type, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try value.integer(type, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try value.integer(type, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value.integer(type, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value.integer(type, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value.integer(type, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value.integer(type, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value.decode(type, codingPath) }
}
