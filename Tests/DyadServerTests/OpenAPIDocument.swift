import Foundation

/// Just enough of `openapi.yaml` to check the server against it: the paths with their methods, and
/// the `required` list of each schema in `components/schemas`.
///
/// The file is Dyad's own, written in a regular block style (two-space indents), so a line reader
/// suffices; a change of style that breaks it makes the tests fail, not pass.
struct OpenAPIDocument {
    /// Path → methods (`get`, `post`).
    var paths: [String: Set<String>] = [:]
    /// Schema name → its first `required` list.
    var required: [String: [String]] = [:]
    var version = ""

    init(_ text: String) {
        var section = ""
        var path: String?
        var schema: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let indent = line.prefix { $0 == " " }.count
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty || content.hasPrefix("#") { continue }
            if indent == 0 {
                section = content
                if content.hasPrefix("openapi:") { version = content.dropFirst(8).trimmingCharacters(in: .whitespaces) }
                continue
            }
            if section == "paths:" {
                if indent == 2, content.hasSuffix(":") {
                    path = String(content.dropLast())
                    paths[path ?? "", default: []] = []
                } else if indent == 4, let path, content.hasSuffix(":") {
                    paths[path, default: []].insert(String(content.dropLast()))
                }
            } else if section == "components:" {
                if indent == 2 { schema = nil; continue }
                if indent == 4, content.hasSuffix(":") {
                    schema = String(content.dropLast())
                    continue
                }
                if let schema, required[schema] == nil,
                    content.hasPrefix("required: [") || content.hasPrefix("- required: [")
                {
                    let list = content.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }
                    required[schema] = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                }
            }
        }
    }

    /// The fields `schema` requires that `object` lacks.
    func missing(_ schema: String, in object: [String: Any]) -> [String] {
        (required[schema] ?? ["(no schema \(schema))"]).filter { object[$0] == nil }
    }
}
