//! A small seeded random-number generator, written out so that everything drawn from a seed
//! (bootstrap intervals, demo ledgers) stays the same forever, whatever happens to any
//! random-number crate.

/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`): a tiny, well-mixed
/// generator written out here so bootstrap results are fixed forever for a given seed, whatever
/// happens to any random-number crate. The state is the seed; each call adds the golden-ratio
/// increment and scrambles it.
pub struct SplitMix64(u64);

/// SplitMix64's increment: the golden ratio in 64 bits.
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// An exclusive upper bound for [`SplitMix64::index`], with its rejection threshold
/// (`2^64 mod bound`).
#[derive(Clone, Copy, Debug)]
pub struct Bound {
    bound: u64,
    threshold: u64,
}

impl Bound {
    /// `bound` must be above 0.
    pub fn new(bound: usize) -> Bound {
        let bound = bound as u64;
        Bound {
            bound,
            threshold: bound.wrapping_neg() % bound,
        }
    }
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// A uniform float in [0, 1) from the top 53 bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A uniformly chosen element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// The generator as it stands after `draws` calls of [`SplitMix64::next_u64`] from
    /// `seed`: its state is a counter, so any point of the sequence is reached at once.
    pub fn at(seed: u64, draws: u64) -> SplitMix64 {
        SplitMix64(seed.wrapping_add(draws.wrapping_mul(GOLDEN_GAMMA)))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN_GAMMA);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform index in `0..bound` (`bound` > 0) by Lemire's multiply-shift with rejection:
    /// the high 64 bits of `x * bound` are the index, and the few `x` whose low 64 bits fall
    /// below `2^64 mod bound` are redrawn, which removes the bias exactly.
    pub fn below(&mut self, bound: usize) -> usize {
        self.index(Bound::new(bound))
    }

    /// One draw for [`SplitMix64::index`], without redrawing: `None` when the draw would be
    /// rejected (a chance of `bound / 2^64`), so a caller that jumped ahead with
    /// [`SplitMix64::at`] knows its count of draws no longer matches the sequence.
    pub fn index_once(&mut self, bound: Bound) -> Option<usize> {
        let product = u128::from(self.next_u64()) * u128::from(bound.bound);
        (product as u64 >= bound.threshold).then_some((product >> 64) as usize)
    }

    /// [`SplitMix64::below`] with the rejection threshold worked out once: drawing millions
    /// of indices below one bound (a bootstrap), the division per draw is most of the cost.
    pub fn index(&mut self, bound: Bound) -> usize {
        loop {
            let product = u128::from(self.next_u64()) * u128::from(bound.bound);
            if product as u64 >= bound.threshold {
                return (product >> 64) as usize;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// First outputs of Vigna's reference splitmix64.c seeded with 0.
    #[test]
    fn splitmix64_matches_reference_outputs() {
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = SplitMix64::new(7);
        for bound in [1, 2, 3, 12, 500] {
            assert!((0..1000).all(|_| rng.below(bound) < bound));
        }
    }
}
