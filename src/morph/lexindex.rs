//! The format of the stem lexicon's index, `lexicon.idx`: how a line of
//! `lexicon.txt` reads, and the hash that places its stem. The library
//! reads the index (`lexicon.rs`); `tools/gentables` compiles this file
//! into itself (`#[path]`, it imports nothing from the library) and writes
//! the index from `lexicon.txt`. A change here makes the checked-in index
//! wrong: rerun `cargo run -p kazakh-gentables`.
//!
//! The index, all integers little-endian:
//!
//! | bytes | content |
//! |---|---|
//! | 4 | magic `KZLX` |
//! | 4 | `b`: the table has 2^b slots |
//! | 4 | number of stems |
//! | 2^[`FILTER_BITS`] / 8 | a bit per [`sketch`] of the stems ([`FILTER_BITS`] top bits) |
//! | 4 × 2^b | slots: the byte offset in `lexicon.txt` of a stem's line, or `u32::MAX` |
//!
//! A stem's slot is the first one, from the top `b` bits of its sketch on
//! (wrapping around), that is empty or holds its line: linear probing,
//! filled in the order of the lines. A stem listed twice has the slot of
//! its last line.

/// The index's first bytes.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const MAGIC: &[u8; 4] = b"KZLX";

/// Bytes before the filter.
pub(crate) const HEADER: usize = 12;

/// Bits of the filter (2^19): with 46,000 stems about one candidate in
/// ten that is no stem passes it.
pub(crate) const FILTER_BITS: u32 = 19;

/// Bytes of the filter.
pub(crate) const FILTER_BYTES: usize = 1 << (FILTER_BITS - 3);

/// An empty slot.
pub(crate) const EMPTY: u32 = u32::MAX;

/// A cheap hash of a stem from its length and first and last four bytes:
/// its top bits pick the filter's bit and the stem's first slot.
pub(crate) fn sketch(stem: &[u8]) -> u64 {
    // Stems of four bytes or more (nearly all: two Cyrillic letters) read
    // their ends as two words; the folds below give the same values.
    if let (Some(&first), Some(&last)) = (stem.first_chunk::<4>(), stem.last_chunk::<4>()) {
        let head = u64::from(u32::from_be_bytes(first));
        let tail = u64::from(u32::from_le_bytes(last));
        return (head ^ tail.rotate_left(29) ^ (stem.len() as u64).rotate_left(47))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    let head = stem
        .iter()
        .take(4)
        .fold(0u64, |h, &x| (h << 8) | u64::from(x));
    let tail = stem
        .iter()
        .rev()
        .take(4)
        .fold(0u64, |h, &x| (h << 8) | u64::from(x));
    (head ^ tail.rotate_left(29) ^ (stem.len() as u64).rotate_left(47))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The fields of a line: the stem, its flag letters (`n` nominal, `v`
/// verb, `p` proper noun, `l` lexicalised, as bits 1, 2, 4 and 16), the
/// frequency bucket and the verb-ending one (the first when absent).
/// `None` for `#` comments and lines without flags, which list no stem.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn parse(line: &str) -> Option<(&str, u8, u8, u8)> {
    if line.starts_with('#') {
        return None;
    }
    let (word, cols) = cut(line, b'\t');
    let (flags, freq, verb_freq) = fields(cols)?;
    Some((word, flags, freq, verb_freq))
}

/// The fields of a line after its stem and tab (see [`parse`]).
pub(crate) fn fields(cols: &str) -> Option<(u8, u8, u8)> {
    let (flags, buckets) = cut(cols, b'\t');
    if flags.is_empty() {
        return None;
    }
    let (freq, verb_freq) = cut(buckets, b'\t');
    let freq = u8::from_str_radix(freq.trim_end_matches('\r'), 16).unwrap_or(0);
    let verb_freq = if verb_freq.is_empty() {
        freq
    } else {
        u8::from_str_radix(verb_freq.trim_end_matches('\r'), 16).unwrap_or(0)
    };
    let mut bits = 0;
    for c in flags.bytes() {
        bits |= match c {
            b'n' => 1,
            b'v' => 2,
            b'p' => 4,
            b'l' => 16,
            _ => 0,
        };
    }
    Some((bits, freq, verb_freq))
}

/// The line that starts at byte `at` of `text` (without its `\n`).
pub(crate) fn line_at(text: &str, at: usize) -> &str {
    cut(text.get(at..).unwrap_or(""), b'\n').0
}

/// The lines of `text` with the byte offsets where they start.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let line = line_at(text, at);
        let start = at;
        at += line.len() + 1;
        Some((start, line))
    })
}

/// `s` up to the first `byte` (an ASCII separator) and the rest after it;
/// all of `s` and "" when there is none.
fn cut(s: &str, byte: u8) -> (&str, &str) {
    match s.bytes().position(|b| b == byte) {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    }
}
