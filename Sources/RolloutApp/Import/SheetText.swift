#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of a spreadsheet saved as CSV: UTF-8 (with or without the byte
/// order mark Excel writes for "CSV UTF-8"), or GB18030, which covers GBK and
/// GB2312 and is what Excel on Chinese Windows writes for plain "CSV".
///
/// GB18030 is decoded with glibc's `iconv`: Foundation on Linux has no
/// GB18030 converter (`String(data:encoding:)` returns nil for it), while
/// every glibc ships the `GB18030` gconv module. A file that is valid UTF-8 is
/// read as UTF-8; GB18030 text of Chinese characters is almost never valid
/// UTF-8 (its lead bytes 0x81-0xFE are rarely followed by the continuation
/// bytes UTF-8 needs), so trying UTF-8 first is safe.
package struct SheetText: Equatable, Sendable {
    /// How the bytes were encoded.
    package enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 with BOM"
        case gb18030 = "GB18030"
    }

    package let text: String
    package let encoding: Encoding

    /// The largest file read: a district's sheet is a few hundred rows.
    package static let maximumBytes = 10 << 20

    /// Decodes `bytes`, or names what is wrong with them.
    package init(bytes: [UInt8]) throws {
        guard bytes.count <= Self.maximumBytes else {
            throw InputError(
                "the file is \(bytes.count) bytes; expected a spreadsheet saved as CSV of at most \(Self.maximumBytes) bytes (10 MiB)")
        }
        guard !bytes.isEmpty else { throw InputError("the file is empty; expected a spreadsheet saved as CSV with a header row") }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError("the file is UTF-16 text (Excel's \"Unicode Text\"); expected a sheet saved as CSV, in UTF-8 or GB18030/GBK")
        }
        if let zero = bytes.firstIndex(of: 0) {
            throw InputError("the file holds a zero byte at offset \(zero): it is a binary file (an .xlsx workbook?); expected a sheet saved as CSV")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw InputError("the file starts with a UTF-8 byte order mark but is not valid UTF-8; expected a sheet saved as CSV UTF-8")
            }
            (self.text, encoding) = (text, .utf8BOM)
        } else if let text = String(validating: bytes, as: UTF8.self) {
            (self.text, encoding) = (text, .utf8)
        } else {
            (self.text, encoding) = (try Self.gb18030(bytes), .gb18030)
        }
    }

    /// Converts GB18030 bytes to a string with iconv.
    static func gb18030(_ bytes: [UInt8]) throws -> String {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else {
            throw InputError("the file is not UTF-8 and this system cannot read GB18030 (no iconv converter); save the sheet as CSV UTF-8")
        }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        // A GB18030 character of 1, 2 or 4 bytes is at most 1, 3 or 4 bytes of UTF-8.
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
        var inputLeft = input.count
        var outputLeft = output.count
        let status = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inputPointer = inputBuffer.baseAddress
                var outputPointer = outputBuffer.baseAddress
                return iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
            }
        }
        guard status != -1 else {
            let offset = bytes.count - inputLeft
            throw InputError(
                "the file is neither UTF-8 nor GB18030: the bytes at offset \(offset) are not a character; expected a sheet saved as CSV (UTF-8 or GB18030/GBK)"
            )
        }
        let utf8 = output[0..<(output.count - outputLeft)].map { UInt8(bitPattern: $0) }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw InputError("the file could not be converted from GB18030; expected a sheet saved as CSV (UTF-8 or GB18030/GBK)")
        }
        return text
    }
}
