import XCTest
@testable import RolloutCore

/// How `audit verify --file` cuts an export into lines: LF only, any chunking, a bounded length.
final class LineSplitterTests: XCTestCase {
    private func split(_ chunks: [[UInt8]], maximumLength: Int = 8) throws -> [String] {
        var splitter = LineSplitter(maximumLength: maximumLength)
        var lines: [String] = []
        let collect: ([UInt8], Int) -> Void = { line, number in
            lines.append("\(number):\(String(decoding: line, as: UTF8.self))")
        }
        for chunk in chunks { try splitter.feed(chunk, collect) }
        try splitter.finish(collect)
        return lines
    }

    func testLinesAreCutAtLFWhateverTheChunksAndTheLastNeedsNone() throws {
        XCTAssertEqual(try split([Array("ab\ncd\r\n\nef".utf8)]), ["1:ab", "2:cd\r", "3:", "4:ef"])
        XCTAssertEqual(try split([Array("a".utf8), Array("b\nc".utf8), Array("d".utf8), Array("\n".utf8)]), ["1:ab", "2:cd"])
        XCTAssertEqual(try split([]), [])
    }

    func testALineOfTheMaximumLengthIsReadAndOneByteMoreIsRefusedNamingIt() throws {
        XCTAssertEqual(try split([Array("12345678\n".utf8)]), ["1:12345678"])
        XCTAssertThrowsError(try split([Array("ok\n123456789\n".utf8)])) { error in
            XCTAssertEqual(
                "\(error)",
                "export line 2 is longer than 8 bytes; expected at most 8 bytes per line (the longest real line, a plan document, is a few megabytes)"
            )
        }
        // Refused while the line is still arriving: nothing more than the limit is held.
        var splitter = LineSplitter(maximumLength: 8)
        try splitter.feed(Array("1234".utf8)) { _, _ in XCTFail("no line yet") }
        XCTAssertThrowsError(try splitter.feed(Array("56789".utf8)) { _, _ in XCTFail("no line yet") })
    }
}

/// The strict parser directly: what it reads, and where and why it stops.
final class StrictJSONTests: XCTestCase {
    private func error(_ text: String) -> String {
        do {
            _ = try CanonicalJSONParser.parse(bytes: Array(text.utf8))
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    func testValidJSONReadsAsBefore() throws {
        let value = try CanonicalJSONParser.parse(bytes: Array(#" {"a":[1,-0,true,null,"\u00e9\ud83d\ude00\/\n"],"b":{}} "#.utf8))
        XCTAssertEqual(value, .object(["a": .array([.int(1), .int(0), .bool(true), .null, .string("é😀/\n")]), "b": .object([:])]))
    }

    func testEachKindOfHostileTextIsNamedWithItsPosition() {
        XCTAssertEqual(error(String(repeating: "[", count: 200_000)), "at byte 33: arrays and objects are nested deeper than 32 levels")
        XCTAssertEqual(error(#"{"a":01}"#), "at byte 6: the number 01 has a leading zero; expected an integer without one")
        XCTAssertEqual(error(#"{"a":1.5e3}"#), "at byte 6: the number 1.5e3 has a fraction or exponent; expected an integer")
        XCTAssertEqual(
            error(#"{"a":-9223372036854775809}"#),
            "at byte 6: the integer -9223372036854775809 is out of range; expected -9223372036854775808 to 9223372036854775807")
        XCTAssertEqual(error(#"{"a":-Infinity}"#), "at byte 6: \"-\" is not followed by digits; expected an integer (NaN and Infinity are not JSON)")
        XCTAssertEqual(error("{\"a\":\"\u{0}\"}"), "at byte 7: a raw control character U+0000 in a string; expected it escaped (\\n, \\t, \\u00XX)")
        XCTAssertEqual(
            error(#"{"a":"\ud800x"}"#),
            "at byte 7: the escape \\uD800 is an unpaired surrogate; expected it followed by a low surrogate \\uDC00-\\uDFFF")
        XCTAssertEqual(
            error(#"{"a":"\ud800\u0041"}"#), "at byte 7: the escape \\uD800 is followed by \\u0041, not a low surrogate; expected \\uDC00-\\uDFFF")
        XCTAssertEqual(error(#"{"a":"\u+041"}"#), "at byte 9: \\u needs four hex digits")
        XCTAssertEqual(error(#"{"a":1,"a":1}"#), "at byte 8: the key \"a\" appears twice in one object; expected each key once")
        XCTAssertEqual(error(#"{"a":1}x"#), "at byte 8: unexpected \"x\" after the value; expected the end of the line")
        XCTAssertEqual(error(#"{"a":1"#), "at byte 7: the line ends inside an object")
    }
}
