/// A small, fast, seeded pseudo-random number generator (SplitMix64).
///
/// The same seed gives the same sequence on every platform and every run,
/// which is what generated corpora and property tests need;
/// `SystemRandomNumberGenerator` gives neither.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for a named sub-stream of `seed`, independent of the
    /// others, so that adding draws to one part of a generated document
    /// does not change the rest.
    public static func stream(_ seed: UInt64, _ index: UInt64) -> SplitMix64 {
        var g = SplitMix64(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        _ = g.next()
        return g
    }
}
