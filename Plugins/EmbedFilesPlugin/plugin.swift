import Foundation
import PackagePlugin

/// Embeds package data files into a target as generated Swift.
///
/// - `RolloutStore` gets `Schema/*.sql` as `EmbeddedSchema` and `Schema/PostgreSQL/*.sql` as `EmbeddedPostgresSchema`.
/// - `RolloutServer` gets `docs/*.yaml` (the OpenAPI document) as `EmbeddedAPI`.
/// - `RolloutApp` gets `Fixtures/yuzhong/*.json` as `EmbeddedYuzhong`.
/// - `RolloutWeb` gets `Sources/RolloutWeb/Templates/*.mustache` and `*.css` as `EmbeddedTemplates`.
///
/// The files stay the single source of truth; the generated code is rebuilt
/// whenever one of them changes and is never committed.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let embeddings: [(folder: String, fileExtensions: Set<String>, enumName: String)] =
            switch target.name {
            case "RolloutStore": [("Schema", ["sql"], "EmbeddedSchema"), ("Schema/PostgreSQL", ["sql"], "EmbeddedPostgresSchema")]
            case "RolloutServer": [("docs", ["yaml"], "EmbeddedAPI")]
            case "RolloutApp": [("Fixtures/yuzhong", ["json"], "EmbeddedYuzhong")]
            case "RolloutWeb": [("Sources/RolloutWeb/Templates", ["mustache", "css"], "EmbeddedTemplates")]
            default: []
            }
        return try embeddings.map { folder, fileExtensions, enumName in
            let directory = root.appending(path: folder)
            let inputs = try FileManager.default
                .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { fileExtensions.contains($0.pathExtension) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
            return .buildCommand(
                displayName: "Embedding \(folder) as \(enumName)",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path, enumName] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        }
    }
}
