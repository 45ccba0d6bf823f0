//! Hashes of the text core: [`FxHasher`] for the hash maps of short
//! words, and the seeded FNV-1a, mixing and finishing steps that pick the
//! weight rows of the NER model.
//!
//! [`hash_bytes`], [`mix`] and [`finish`] are part of the NER model format
//! (`ner::Model`): a model file's rows are found by these hashes, and its
//! checksum is [`hash_bytes`] with seed 0. Changing any of them makes every
//! trained model read wrong weights; the golden values in the tests below
//! fail first.

use std::hash::Hasher;

/// FxHash: a fast multiplicative hash for short keys.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    /// A hasher that starts from `seed` instead of 0.
    pub(crate) fn seeded(seed: u64) -> FxHasher {
        FxHasher(seed)
    }

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// 64-bit FNV-1a over bytes, seeded (seed 0: plain FNV-1a).
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xCBF2_9CE4_8422_2325 ^ seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// Combines two hashes (a template and a value, or two values).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 31)
}

/// The final scrambling of a feature hash before its top bits pick a row.
#[inline]
pub(crate) fn finish(h: u64) -> u64 {
    let mut x = h;
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    x = x.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    x ^ (x >> 33)
}

/// A small deterministic generator (SplitMix64): the trainer's shuffles
/// and draws.
#[cfg(feature = "train")]
pub(crate) struct SplitMix(pub(crate) u64);

#[cfg(feature = "train")]
impl SplitMix {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, BuildHasherDefault};

    // Golden values: fixed inputs and the hashes the model format (and the
    // lexicon maps) were built with. A change here is a new model format.

    #[test]
    fn fnv_1a_golden_values() {
        assert_eq!(hash_bytes(0, b""), 0xCBF2_9CE4_8422_2325);
        assert_eq!(hash_bytes(0, b"a"), 0xAF63_DC4C_8601_EC8C);
        assert_eq!(hash_bytes(1, "алматы".as_bytes()), 0x9E92_704F_7C7F_421A);
        assert_eq!(hash_bytes(13, b"KZNERMDL"), 0x253E_18A9_5796_FC79);
    }

    #[test]
    fn mix_and_finish_golden_values() {
        assert_eq!(mix(0, 0), 0);
        assert_eq!(mix(1, 2), 0xFE0A_18BF_435E_4D68);
        assert_eq!(mix(26, mix(7, 9)), 0x0B5F_F066_579E_F657);
        assert_eq!(finish(0), 0);
        assert_eq!(finish(1), 0xB456_BCFC_34C2_CB2C);
        assert_eq!(
            finish(hash_bytes(2, "Астана".as_bytes())),
            0x153A_8CD1_053F_FACF
        );
    }

    #[test]
    fn fx_hasher_golden_values() {
        let mut h = FxHasher::default();
        h.write("алматы".as_bytes());
        assert_eq!(h.finish(), 0x7C51_02E0_23F1_A3E6);
        let mut h = FxHasher::seeded(0x4B5A);
        h.write(b"abc");
        assert_eq!(h.finish(), 0x19BA_9D14_9F74_9A35);
        let build = BuildHasherDefault::<FxHasher>::default();
        assert_eq!(build.hash_one("кітап"), 0x4ACA_A5CC_C03F_5C9A);
    }
}
