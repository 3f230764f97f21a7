import Flashcards
import Testing

@testable import Scheduling

/// The replay's libm-free rounding against `Double.rounded`, on halves, near-halves, large
/// magnitudes and random values.
struct ExactRoundingTests {
    static var samples: [Double] {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0x1p52, -0x1p52, 0x1p53, 1e18, -1e18]
        for whole in [0.0, 1, 2, 3, 1e6, 4_503_599_627_370_495, 1_600_000_000_000] {
            for base in [whole, -whole] {
                values += [base + 0.5, base - 0.5, (base + 0.5).nextUp, (base + 0.5).nextDown]
                values += [(base - 0.5).nextUp, (base - 0.5).nextDown, base.nextUp, base.nextDown]
            }
        }
        values += [0.49999999999999994, -0.49999999999999994, 0x1p52 - 0.5, -(0x1p52 - 0.5)]
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<200_000 {
            let scale = Double(1 << (rng.next() % 60))
            values.append((rng.nextUnit() - 0.5) * scale)
            values.append(Double(Int64(bitPattern: rng.next()) >> 20) / 2)
        }
        return values
    }

    @Test func halfAwayFromZeroIsRounded() {
        for x in Self.samples {
            #expect(ExactRounding.halfAwayFromZero(x) == Int64(x.rounded()), "\(x)")
        }
    }

    @Test func halfToEvenIsRoundedToNearestOrEven() {
        for x in Self.samples {
            #expect(ExactRounding.halfToEven(x) == Int(x.rounded(.toNearestOrEven)), "\(x)")
        }
    }
}
