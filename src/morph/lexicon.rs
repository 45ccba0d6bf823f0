//! The stem lexicon: a hash map built once from the generated
//! `lexicon.txt` (see `tools/genmorph` and `LEXICON-NOTICE.md`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A nominal stem (noun, adjective, pronoun, numeral …).
pub(crate) const NOMINAL: u8 = 1;
/// A verb stem.
pub(crate) const VERB: u8 = 2;
/// A proper noun (written with a capital).
pub(crate) const PROPER: u8 = 4;

/// A form that looks inflected but is a word of its own (теңге).
pub(crate) const LEXICALISED: u8 = 16;

static TEXT: &str = include_str!("lexicon.txt");

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

/// Class bits and frequency bucket of a stem.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Entry {
    /// [`NOMINAL`], [`VERB`], [`PROPER`], [`LEXICALISED`] bits.
    pub flags: u8,
    /// ⌊log2(1 + count)⌋ of the stem's uses in KazNERD, 0–15.
    pub freq: u8,
}

type Map = HashMap<&'static str, Entry, BuildHasherDefault<FxHasher>>;

static MAP: LazyLock<Map> = LazyLock::new(|| {
    let mut map = Map::with_capacity_and_hasher(60_000, BuildHasherDefault::default());
    for line in TEXT.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(word), Some(flags)) = (cols.next(), cols.next()) else {
            continue;
        };
        let freq = cols
            .next()
            .and_then(|f| u8::from_str_radix(f, 16).ok())
            .unwrap_or(0);
        let mut bits = 0;
        for c in flags.chars() {
            bits |= match c {
                'n' => NOMINAL,
                'v' => VERB,
                'p' => PROPER,
                'l' => LEXICALISED,
                _ => 0,
            };
        }
        map.insert(word, Entry { flags: bits, freq });
    }
    map
});

/// The entry of a lower-case stem (flags 0 when unknown).
pub(crate) fn entry(stem: &str) -> Entry {
    MAP.get(stem).copied().unwrap_or_default()
}

/// Number of stems in the lexicon.
pub(crate) fn len() -> usize {
    MAP.len()
}
