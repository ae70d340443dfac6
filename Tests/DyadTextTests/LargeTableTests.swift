import Testing

@testable import DyadText

@Test(arguments: [1_000, 1 << 19])
func largeTableHoldsTheArraysElements(count: Int) {
    let array = (0..<UInt64(count)).map { $0 &* 0x9E37_79B9_7F4A_7C15 }
    let table = LargeTable(array)
    #expect(table.count == count)
    #expect(table.elementsEqual(array))
    #expect(table[count - 1] == array[count - 1])
}

@Test func largeTableOfTwoMebibytesOrMoreStartsOnAHugePageBoundary() {
    let table = LargeTable<UInt64>(count: 1 << 19) { $0.initialize(repeating: 7) }  // 4 MiB
    let address = table.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    #expect(address % (2 << 20) == 0)
    #expect(table.allSatisfy { $0 == 7 })
}
