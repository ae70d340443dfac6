import Testing

@testable import DyadText

/// The binary carries the files under Sources/CDyadAssets/data; a stale copy means the build
/// did not notice a data file change (touch Sources/CDyadAssets/assets.c to rebuild it).
@Test func embeddedAssetsMatchSourceTree() throws {
    let dataDirectory = URLPath.repositoryRoot + "/Sources/CDyadAssets/data/"
    #expect(!EmbeddedAssets.names.isEmpty)
    for name in EmbeddedAssets.names {
        let embedded = try #require(EmbeddedAssets.bytes(named: name))
        let onDisk = try #require(URLPath.read(dataDirectory + name), "missing \(name)")
        let isFresh = embedded.count == onDisk.count && embedded.elementsEqual(onDisk)
        #expect(isFresh, "embedded \(name) is stale: touch Sources/CDyadAssets/assets.c")
    }
}

@Test func unknownAssetIsNil() {
    #expect(EmbeddedAssets.bytes(named: "no/such/file") == nil)
}
