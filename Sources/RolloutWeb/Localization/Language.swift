import Foundation

/// The language a page is written in: Chinese unless the person chose English
/// (the switch on every page) or their browser asks for English before Chinese.
package enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The `lang` attribute of the page.
    package var tag: String { self == .zh ? "zh-CN" : "en" }

    /// The choice from the switch (`?lang=` or its cookie), else `Accept-Language`, else Chinese.
    package static func negotiate(choice: String?, acceptLanguage: String?) -> Language {
        if let choice, let language = Language(rawValue: choice) { return language }
        guard let acceptLanguage else { return .zh }
        // The first language the browser names that a page exists in, by weight then order.
        let ranked = acceptLanguage.split(separator: ",").enumerated().compactMap { index, part -> (Language, Double, Int)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = pieces.first else { return nil }
            let weight = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let language: Language? = tag.hasPrefix("zh") ? .zh : tag.hasPrefix("en") ? .en : nil
            return language.map { ($0, weight, index) }
        }
        return ranked.filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.first?.0 ?? .zh
    }
}
