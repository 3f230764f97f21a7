import Flashcards
import Testing

/// The word-at-a-time search against a plain byte loop, for every start in random bytes.
struct ByteFinderTests {
    @Test(arguments: [
        ByteFinder(below: 0x20, 0x22, 0x5C), ByteFinder(0x2C, 0x22, 0x0A, 0x0D), ByteFinder(0x22),
        ByteFinder(below: 0x80, 0xC2), ByteFinder(0x00, 0xFF), ByteFinder(below: 0x01, 0x7F),
    ])
    func findsWhatAByteLoopFinds(finder: ByteFinder) {
        var random = SeededGenerator(seed: 3)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...150, using: &random)).map { _ in
                // Mostly letters, so runs of unmatched words occur; now and then any byte.
                Int.random(in: 0...5, using: &random) == 0
                    ? UInt8.random(in: 0...255, using: &random) : UInt8.random(in: 0x61...0x7A, using: &random)
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    let expected = (start..<buffer.count).first { finder.matches(buffer[$0]) } ?? buffer.count
                    #expect(finder.next(in: buffer, from: start) == expected)
                }
            }
        }
    }

    @Test func matchesTheBytesItWasGiven() {
        let finder = ByteFinder(below: 0x20, 0x22, 0x5C)
        let matched = (0...255).filter { finder.matches(UInt8($0)) }
        #expect(matched == Array(0..<0x20) + [0x22, 0x5C])
    }
}
