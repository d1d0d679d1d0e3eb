import RolloutCore

/// What an import of a progress sheet would do (a preview) or did (`--apply`):
/// the file's fingerprint and encoding, and every row with its fate, by row number.
package struct ImportResult: Equatable, Sendable {
    /// Lowercase hex SHA-256 of the file's bytes, kept in every entry it records.
    package let fileSHA256: String
    package let encoding: SheetText.Encoding
    package let rows: [ImportedRow]
    /// Whether the allowed rows were written (false: a preview, nothing written).
    package let applied: Bool
    /// The bulk id the recorded entries share, when more than one was recorded.
    package let bulk: String?
    /// The entry count the preview was made against: pass it back as `expect`
    /// to apply exactly what was previewed.
    package let headCount: Int64

    /// Rows recorded (applied) or allowed (preview).
    package var allowed: Int { rows.count { if case .allowed = $0.status { true } else if case .recorded = $0.status { true } else { false } } }
    package var refused: Int { rows.count { if case .refused = $0.status { true } else { false } } }
    package var alreadyImported: Int { rows.count { if case .alreadyImported = $0.status { true } else { false } } }
}
