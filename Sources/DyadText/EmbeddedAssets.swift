internal import CDyadAssets

/// The files compiled into the `dyad` binary (dictionaries, trained models, reference tables,
/// the example article), looked up by their path under `Sources/CDyadAssets/data`.
///
/// ```swift
/// let article = EmbeddedAssets.string(named: "example-article.txt")
/// ```
package enum EmbeddedAssets {
    /// The names of every embedded file, in the order of `assets.def`.
    package static var names: [String] {
        (0..<dyad_asset_count()).compactMap { index in
            dyad_asset_at(index).name.map { String(cString: $0) }
        }
    }

    /// The bytes of the embedded file `name`, or `nil` when no such file is embedded.
    /// The buffer lives as long as the process; it is read-only.
    package static func bytes(named name: String) -> UnsafeRawBufferPointer? {
        for index in 0..<dyad_asset_count() {
            let asset = dyad_asset_at(index)
            guard let cName = asset.name, String(cString: cName) == name, let start = asset.bytes else { continue }
            return UnsafeRawBufferPointer(start: UnsafeRawPointer(start), count: asset.count)
        }
        return nil
    }

    /// The embedded file `name` decoded as UTF-8, or `nil` when no such file is embedded.
    package static func string(named name: String) -> String? {
        bytes(named: name).map { String(decoding: $0, as: UTF8.self) }
    }
}
