//! The stem lexicon: a hash map built once from the generated
//! `lexicon.txt` (see `tools/genmorph` and `LEXICON-NOTICE.md`).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::hash::FxHasher;

/// A nominal stem (noun, adjective, pronoun, numeral …).
pub(crate) const NOMINAL: u8 = 1;
/// A verb stem.
pub(crate) const VERB: u8 = 2;
/// A proper noun (written with a capital).
pub(crate) const PROPER: u8 = 4;

/// A form that looks inflected but is a word of its own (теңге).
pub(crate) const LEXICALISED: u8 = 16;

static TEXT: &str = include_str!("lexicon.txt");

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
    // Split at bytes rather than with `lines` and `split`, whose per-call
    // cost is most of the start-up's on 49,000 short lines.
    let mut rest = TEXT;
    while !rest.is_empty() {
        let (line, next) = cut(rest, b'\n');
        rest = next;
        if line.starts_with('#') {
            continue;
        }
        let (word, cols) = cut(line, b'\t');
        let (flags, freq) = cut(cols, b'\t');
        if flags.is_empty() {
            continue;
        }
        let freq = u8::from_str_radix(freq.trim_end_matches('\r'), 16).unwrap_or(0);
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

/// `s` up to the first `byte` (an ASCII separator) and the rest after it;
/// all of `s` and "" when there is none.
fn cut(s: &str, byte: u8) -> (&str, &str) {
    match s.bytes().position(|b| b == byte) {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    }
}

/// The entry of a lower-case stem (flags 0 when unknown).
pub(crate) fn entry(stem: &str) -> Entry {
    MAP.get(stem).copied().unwrap_or_default()
}

/// Number of stems in the lexicon.
pub(crate) fn len() -> usize {
    MAP.len()
}
