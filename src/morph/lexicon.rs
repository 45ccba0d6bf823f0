//! The stem lexicon: the generated `lexicon.txt` (see `tools/genmorph` and
//! `LEXICON-NOTICE.md`) and its index `lexicon.idx`, a hash table of the
//! lines' offsets written by `tools/gentables` (format: `lexindex.rs`).
//! Both are compiled in and read where they lie: nothing is parsed or
//! built at start-up, and a look-up reads the one line it finds.

use super::lexindex::{self, sketch, EMPTY, FILTER_BITS, FILTER_BYTES, HEADER};

/// A nominal stem (noun, adjective, pronoun, numeral …).
pub(crate) const NOMINAL: u8 = 1;
/// A verb stem.
pub(crate) const VERB: u8 = 2;
/// A proper noun (written with a capital).
pub(crate) const PROPER: u8 = 4;

/// A form that looks inflected but is a word of its own (теңге).
pub(crate) const LEXICALISED: u8 = 16;

static TEXT: &str = include_str!("lexicon.txt");

/// The index of [`TEXT`], regenerated from it by `cargo run -p
/// kazakh-gentables` (a test fails when it is out of date).
static INDEX: &[u8] = include_bytes!("lexicon.idx");

/// Class bits and frequency bucket of a stem.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    /// [`NOMINAL`], [`VERB`], [`PROPER`], [`LEXICALISED`] bits.
    pub flags: u8,
    /// ⌊log2(1 + count)⌋ of the stem's uses in KazNERD, 0–15.
    pub freq: u8,
    /// The same of its uses with verb endings alone (a verb stem's; else
    /// `freq`).
    pub verb_freq: u8,
}

/// The little-endian `u32` at byte `at` of the index (0 past its end).
fn index_u32(at: usize) -> u32 {
    match INDEX.get(at..at + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}

/// The entry of a lower-case stem (flags 0 when unknown).
///
/// Most candidate stems the analyser tries are not words: a clear bit of
/// the filter (64 KB that stay in cache) answers them. A set bit is
/// followed by the table, whose answer is the lexicon's. At most one probe
/// per slot: linear in the table.
pub(crate) fn entry(stem: &[u8]) -> Entry {
    let h = sketch(stem);
    let bit = (h >> (64 - FILTER_BITS)) as usize;
    match INDEX.get(HEADER + bit / 8) {
        Some(&byte) if byte & (1 << (bit % 8)) != 0 => {}
        _ => return Entry::default(),
    }
    let bits = index_u32(4);
    if !(1..32).contains(&bits) {
        return Entry::default();
    }
    let mask = (1usize << bits) - 1;
    let mut slot = (h >> (64 - bits)) as usize;
    for _ in 0..=mask {
        let at = index_u32(HEADER + FILTER_BYTES + 4 * slot);
        if at == EMPTY {
            break;
        }
        // Slots hold lines that list a stem. The line's stem is `stem`
        // when it starts with `stem` and a tab, and `stem` has no tab.
        let after = at as usize + stem.len();
        let line = TEXT.as_bytes().get(at as usize..=after).unwrap_or(&[]);
        // (The tab test as a loop without a call to `memchr`: stems are
        // short.)
        if line.last() == Some(&b'\t') && line.starts_with(stem) && stem.iter().all(|&b| b != b'\t')
        {
            if let Some((flags, freq, verb_freq)) = fields_at(after + 1) {
                return Entry {
                    flags,
                    freq,
                    verb_freq,
                };
            }
        }
        slot = (slot + 1) & mask;
    }
    Entry::default()
}

/// The fields of the line whose stem ends before byte `at` of [`TEXT`]
/// (see `lexindex::fields`). Lines of the usual shape (flag letters, a
/// tab, a hex digit, perhaps a tab and a second digit) are read here
/// byte by byte; any other goes through `lexindex::fields`, so that the
/// answer is the same (a test compares every line's).
fn fields_at(at: usize) -> Option<(u8, u8, u8)> {
    let slow = || lexindex::fields(lexindex::line_at(TEXT, at));
    let b = TEXT.as_bytes().get(at..).unwrap_or(&[]);
    let mut flags = 0u8;
    let mut i = 0;
    loop {
        match b.get(i) {
            Some(b'n') => flags |= NOMINAL,
            Some(b'v') => flags |= VERB,
            Some(b'p') => flags |= PROPER,
            Some(b'l') => flags |= LEXICALISED,
            Some(b'\t') if i > 0 => break,
            _ => return slow(),
        }
        i += 1;
    }
    let digit = |c: Option<&u8>| match c {
        Some(&c @ b'0'..=b'9') => Some(c - b'0'),
        Some(&c @ b'a'..=b'f') => Some(c - b'a' + 10),
        _ => None,
    };
    let Some(freq) = digit(b.get(i + 1)) else {
        return slow();
    };
    match b.get(i + 2) {
        None | Some(b'\n') => Some((flags, freq, freq)),
        Some(b'\t') => match (digit(b.get(i + 3)), b.get(i + 4)) {
            (Some(verb), None | Some(b'\n')) => Some((flags, freq, verb)),
            _ => slow(),
        },
        _ => slow(),
    }
}

/// Number of stems in the lexicon.
pub(crate) fn len() -> usize {
    index_u32(8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The lexicon as the text says, the last line of a stem winning.
    fn parsed() -> HashMap<&'static str, Entry> {
        let mut map = HashMap::new();
        for (_, line) in lexindex::lines(TEXT) {
            if let Some((word, flags, freq, verb_freq)) = lexindex::parse(line) {
                let e = Entry {
                    flags,
                    freq,
                    verb_freq,
                };
                map.insert(word, e);
            }
        }
        map
    }

    #[test]
    fn the_index_answers_every_stem_of_the_text() {
        // Fails when lexicon.txt changed and lexicon.idx was not rebuilt:
        // rerun `cargo run -p kazakh-gentables`.
        assert_eq!(&INDEX[..4], lexindex::MAGIC);
        let map = parsed();
        assert_eq!(len(), map.len(), "lexicon.idx is out of date");
        for (stem, want) in &map {
            assert_eq!(
                entry(stem.as_bytes()),
                *want,
                "{stem}: lexicon.idx is out of date"
            );
        }
    }

    #[test]
    fn the_filter_stops_most_non_stems() {
        let map = parsed();
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
                if map.contains_key(s) {
                    continue;
                }
                total += 1;
                let bit = (sketch(s.as_bytes()) >> (64 - FILTER_BITS)) as usize;
                passed += usize::from(INDEX[HEADER + bit / 8] & (1 << (bit % 8)) != 0);
                assert_eq!(entry(s.as_bytes()), Entry::default(), "{s}");
            }
        }
        assert!(passed * 3 < total, "{passed} of {total} non-stems passed");
    }
}
