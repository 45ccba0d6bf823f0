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
    /// The same of its uses with verb endings alone (a verb stem's; else
    /// `freq`).
    pub verb_freq: u8,
}

type Map = HashMap<&'static str, Entry, BuildHasherDefault<FxHasher>>;

/// The lexicon and a filter in front of it.
struct Lexicon {
    map: Map,
    /// One bit per [`sketch`] of the stems: most candidate stems the
    /// analyser tries are not words, and a clear bit answers them from 64
    /// KB that stay in cache instead of hashing the whole stem into the
    /// map of 46,000 entries. A set bit is followed by the map, so the
    /// answer is always the map's.
    filter: Vec<u64>,
}

/// Bits of [`Lexicon::filter`] (2^19): with 46,000 stems about one
/// candidate in ten that is no stem passes it.
const FILTER_BITS: u32 = 19;

/// A cheap hash of a stem from its length and first and last bytes.
fn sketch(stem: &str) -> usize {
    let b = stem.as_bytes();
    let head = b.iter().take(4).fold(0u64, |h, &x| (h << 8) | u64::from(x));
    let tail = b
        .iter()
        .rev()
        .take(4)
        .fold(0u64, |h, &x| (h << 8) | u64::from(x));
    let h = (head ^ tail.rotate_left(29) ^ (b.len() as u64).rotate_left(47))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - FILTER_BITS)) as usize
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let map = build();
    let mut filter = vec![0u64; (1 << FILTER_BITS) / 64];
    for stem in map.keys() {
        let i = sketch(stem);
        filter[i / 64] |= 1 << (i % 64);
    }
    Lexicon { map, filter }
});

fn build() -> Map {
    let mut map = Map::with_capacity_and_hasher(60_000, BuildHasherDefault::default());
    // Split at bytes rather than with `lines` and `split`, whose per-call
    // cost is most of the start-up's on 46,000 short lines.
    let mut rest = TEXT;
    while !rest.is_empty() {
        let (line, next) = cut(rest, b'\n');
        rest = next;
        if line.starts_with('#') {
            continue;
        }
        let (word, cols) = cut(line, b'\t');
        let (flags, buckets) = cut(cols, b'\t');
        if flags.is_empty() {
            continue;
        }
        let (freq, verb_freq) = cut(buckets, b'\t');
        let freq = u8::from_str_radix(freq.trim_end_matches('\r'), 16).unwrap_or(0);
        let verb_freq = if verb_freq.is_empty() {
            freq
        } else {
            u8::from_str_radix(verb_freq.trim_end_matches('\r'), 16).unwrap_or(0)
        };
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
        map.insert(
            word,
            Entry {
                flags: bits,
                freq,
                verb_freq,
            },
        );
    }
    map
}

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
    let lexicon = &*LEXICON;
    let i = sketch(stem);
    if lexicon.filter[i / 64] & (1 << (i % 64)) == 0 {
        return Entry::default();
    }
    lexicon.map.get(stem).copied().unwrap_or_default()
}

/// Number of stems in the lexicon.
pub(crate) fn len() -> usize {
    LEXICON.map.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_lets_every_stem_through_and_stops_most_others() {
        for (stem, want) in &LEXICON.map {
            let got = entry(stem);
            assert_eq!(
                (got.flags, got.freq, got.verb_freq),
                (want.flags, want.freq, want.verb_freq),
                "{stem}"
            );
        }
        // Prefixes the analyser tries that are no stems: most stop at the
        // filter (one in ten to one in six passes on real text).
        let tries = [
            "кітаптарымыздың",
            "мектептеріндегі",
            "қалаларымыздағы",
            "жазушыларының",
            "университеттерінде",
            "министрліктерінің",
            "балалармен",
            "шаруашылығындағы",
            "ұйымдастырушылардың",
            "келісімдеріне",
            "өндірістерінен",
            "тұрғындарына",
            "мүмкіндіктерін",
            "бағдарламаларының",
            "кәсіпорындарындағы",
        ];
        let mut passed = 0;
        let mut total = 0;
        for w in tries {
            for end in (2..=w.len()).filter(|&e| w.is_char_boundary(e)) {
                let s = &w[..end];
                if LEXICON.map.contains_key(s) {
                    continue;
                }
                total += 1;
                let i = sketch(s);
                passed += usize::from(LEXICON.filter[i / 64] & (1 << (i % 64)) != 0);
                assert_eq!(entry(s).flags, 0, "{s}");
            }
        }
        assert!(passed * 3 < total, "{passed} of {total} non-stems passed");
    }
}
