//! Gazetteers written from facts: places, personal names, organization heads.
//!
//! The word lists live in `src/ner/gazetteer/*.txt` (one entry per line,
//! `#` comments; see `SOURCES.md` there) and are compiled into the library
//! with `include_str!`. They are parsed once, on first use, into:
//!
//! - a map from lower-cased single-word entries to the lists they are in
//!   ([`token_flags`]); an entry written wholly in capitals (`АҚ`, `ЕО`,
//!   `НАТО`) only matches a token written in capitals too, so that the
//!   legal form `АҚ` does not fire on the adjective `ақ`;
//! - the surname and patronymic endings (`ов`, `ұлы`, `евна` …);
//! - the multi-word entries, keyed by their first word ([`phrase_flags`]).
//!
//! Lookups ignore letter case and accept one inflectional ending on the
//! word (`Ақтөбеде` → `Ақтөбе`, `АҚШ-тың` → `АҚШ`, `министрлігінің` →
//! `министрлігі`).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::{BitOr, BitOrAssign};
use std::sync::LazyLock;

use crate::hash::FxHasher;
use crate::letters::{eq_ci, is_letter, strip_prefix_ci, to_lower, to_lower_str};
use crate::morph::CASE_ENDINGS;

/// Gazetteer flags of one token: which lists matched, and where the token
/// stands in a multi-word match. A set of bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct GazHit(u16);

impl GazHit {
    /// No list matched.
    pub(crate) const NONE: GazHit = GazHit(0);
    /// A region, city, district or town of Kazakhstan (`regions.txt`).
    pub(crate) const REGION: GazHit = GazHit(1 << 0);
    /// A country, foreign city, continent or world region (`world_places.txt`,
    /// and Unicode CLDR's names in `cldr_places.txt`).
    pub(crate) const WORLD_PLACE: GazHit = GazHit(1 << 1);
    /// A river, lake, sea, mountain, desert or steppe (`natural_places.txt`).
    pub(crate) const NATURAL_PLACE: GazHit = GazHit(1 << 2);
    /// A personal first name (`first_names.txt`).
    pub(crate) const FIRST_NAME: GazHit = GazHit(1 << 3);
    /// The word ends in a surname or patronymic ending (`surname_endings.txt`).
    pub(crate) const SURNAME_ENDING: GazHit = GazHit(1 << 4);
    /// A word that heads organization names: `министрлігі`, `банкі`, `АҚ`
    /// (`org_heads.txt`).
    pub(crate) const ORG_HEAD: GazHit = GazHit(1 << 5);
    /// A known organization or its abbreviation (`organizations.txt`).
    pub(crate) const ORGANIZATION: GazHit = GazHit(1 << 6);
    /// A title or form of address next to a person's name (`person_titles.txt`).
    pub(crate) const PERSON_TITLE: GazHit = GazHit(1 << 7);
    /// The first token of a multi-word match ([`phrase_flags`]).
    pub(crate) const PHRASE_START: GazHit = GazHit(1 << 8);
    /// A later token of a multi-word match ([`phrase_flags`]).
    pub(crate) const PHRASE_INSIDE: GazHit = GazHit(1 << 9);
    /// Only a stem matched, after an inflectional ending was removed
    /// ([`token_flags`]).
    pub(crate) const INFLECTED: GazHit = GazHit(1 << 10);
    /// A common noun naming a kind of place, which stands after a place's
    /// name: `аулы`, `кенті`, `өзені` (`place_types.txt`).
    pub(crate) const PLACE_TYPE: GazHit = GazHit(1 << 11);

    /// The raw bits.
    #[inline]
    pub(crate) const fn bits(self) -> u16 {
        self.0
    }

    /// The list flags: everything but the phrase position and `INFLECTED`
    /// (tests).
    #[cfg(test)]
    pub(crate) const LISTS: GazHit = GazHit(0xFF | 1 << 11);

    /// The place lists together.
    pub(crate) const PLACE: GazHit = GazHit(1 | 2 | 4);

    /// The lists of names: places, first names, organizations.
    pub(crate) const NAMES: GazHit =
        GazHit(Self::PLACE.0 | Self::FIRST_NAME.0 | Self::ORGANIZATION.0);

    /// Flags from raw bits (tests).
    #[cfg(test)]
    pub(crate) const fn from_bits(bits: u16) -> GazHit {
        GazHit(bits)
    }

    /// Whether some flag of `other` is set in `self`.
    pub(crate) const fn intersects(self, other: GazHit) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether no flag is set (tests).
    #[cfg(test)]
    pub(crate) const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every flag of `other` is set in `self`.
    #[cfg(test)]
    pub(crate) const fn contains(self, other: GazHit) -> bool {
        self.0 & other.0 == other.0
    }
}

impl BitOr for GazHit {
    type Output = GazHit;
    #[inline]
    fn bitor(self, rhs: GazHit) -> GazHit {
        GazHit(self.0 | rhs.0)
    }
}

impl BitOrAssign for GazHit {
    #[inline]
    fn bitor_assign(&mut self, rhs: GazHit) {
        self.0 |= rhs.0;
    }
}

/// One data file of entries and the flag its entries get.
struct List {
    /// File name, for tests and messages.
    #[cfg_attr(not(test), allow(dead_code))]
    name: &'static str,
    /// File contents.
    text: &'static str,
    /// Flag of its entries.
    flag: GazHit,
    /// Minimum number of entries, checked by the tests.
    #[cfg_attr(not(test), allow(dead_code))]
    min: usize,
}

/// The word lists (surname endings are kept apart in [`SURNAME_LIST`]).
const LISTS: [List; 9] = [
    List {
        name: "regions.txt",
        text: include_str!("gazetteer/regions.txt"),
        flag: GazHit::REGION,
        min: 150,
    },
    List {
        name: "world_places.txt",
        text: include_str!("gazetteer/world_places.txt"),
        flag: GazHit::WORLD_PLACE,
        min: 300,
    },
    List {
        name: "cldr_places.txt",
        text: include_str!("gazetteer/cldr_places.txt"),
        flag: GazHit::WORLD_PLACE,
        min: 600,
    },
    List {
        name: "natural_places.txt",
        text: include_str!("gazetteer/natural_places.txt"),
        flag: GazHit::NATURAL_PLACE,
        min: 100,
    },
    List {
        name: "first_names.txt",
        text: include_str!("gazetteer/first_names.txt"),
        flag: GazHit::FIRST_NAME,
        min: 550,
    },
    List {
        name: "org_heads.txt",
        text: include_str!("gazetteer/org_heads.txt"),
        flag: GazHit::ORG_HEAD,
        min: 60,
    },
    List {
        name: "organizations.txt",
        text: include_str!("gazetteer/organizations.txt"),
        flag: GazHit::ORGANIZATION,
        min: 120,
    },
    List {
        name: "person_titles.txt",
        text: include_str!("gazetteer/person_titles.txt"),
        flag: GazHit::PERSON_TITLE,
        min: 60,
    },
    List {
        name: "place_types.txt",
        text: include_str!("gazetteer/place_types.txt"),
        flag: GazHit::PLACE_TYPE,
        min: 40,
    },
];

/// Surname and patronymic endings.
const SURNAME_LIST: List = List {
    name: "surname_endings.txt",
    text: include_str!("gazetteer/surname_endings.txt"),
    flag: GazHit::SURNAME_ENDING,
    min: 30,
};

/// Longest word (in bytes) that is looked up; longer tokens get no flags.
const MAX_WORD_BYTES: usize = 160;

/// Shortest stem (in chars) left after removing an ending.
const MIN_STEM_CHARS: usize = 2;

/// Shortest part (in chars) before a surname ending.
const MIN_SURNAME_ROOT_CHARS: usize = 2;

/// Flags of one single-word entry.
#[derive(Clone, Copy, Default)]
struct Entry {
    /// Flags that apply in any letter case.
    any: u16,
    /// Flags that apply only when the token is written in capitals
    /// (entries that are acronyms).
    upper: u16,
}

/// A multi-word entry, stored under its first word.
struct Phrase {
    /// The lower-cased words after the first.
    rest: Box<[Box<str>]>,
    /// The lists it is in.
    flags: GazHit,
}

/// The maps of the lists: keyed by short words of the lists themselves,
/// hashed with the lexicon's [`FxHasher`] (std's default hasher is several
/// times slower on short words, and the keys are not chosen by the input).
type Map<V> = HashMap<Box<str>, V, BuildHasherDefault<FxHasher>>;

/// The parsed lists.
struct Tables {
    /// Lower-cased single-word entries.
    words: Map<Entry>,
    /// Lower-cased surname endings by their last byte, longest first: a
    /// word is compared only with those that end as it does.
    surname_by_last: Box<[Box<[Box<str>]>]>,
    /// Multi-word entries by lower-cased first word, longest first.
    phrases: Map<Vec<Phrase>>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(build);

/// The entries of a data file: trimmed, non-empty lines that are not
/// `#` comments.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `s` lower-cased letter by letter with the tokenizer's [`to_lower`].
fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(to_lower(c));
    }
    out
}

/// Whether `s` is an acronym: at least two letters, all capitals.
fn is_acronym(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        // Capitals and small letters are letters: the costly test of
        // `is_alphabetic` is left for the few characters that are neither.
        if c.is_uppercase() {
            letters += 1;
        } else if c.is_lowercase() || c.is_alphabetic() {
            return false;
        }
    }
    letters >= 2
}

/// Parses all lists.
fn build() -> Tables {
    // Room for the lists' entries without growing (about 2,600 words and
    // 300 first words of phrases).
    let mut words: Map<Entry> = Map::with_capacity_and_hasher(4096, Default::default());
    let mut phrases: Map<Vec<Phrase>> = Map::with_capacity_and_hasher(512, Default::default());
    for list in &LISTS {
        for entry in entries(list.text) {
            // Lowered into `buf` when it fits (all but the longest phrases).
            let mut buf = [0u8; 256];
            let owned;
            let lowered = match to_lower_str(entry, &mut buf) {
                Some(low) => low,
                None => {
                    owned = lower(entry);
                    owned.as_str()
                }
            };
            let mut parts = lowered.split_whitespace();
            let Some(first) = parts.next() else { continue };
            let rest: Box<[Box<str>]> = match parts.next() {
                None => Box::default(),
                Some(second) => std::iter::once(second)
                    .chain(parts)
                    .map(Box::from)
                    .collect(),
            };
            if rest.is_empty() {
                let slot = words.entry(Box::from(first)).or_default();
                if is_acronym(entry) {
                    slot.upper |= list.flag.bits();
                } else {
                    slot.any |= list.flag.bits();
                }
                continue;
            }
            let group = phrases.entry(Box::from(first)).or_default();
            match group.iter_mut().find(|p| p.rest == rest) {
                Some(p) => p.flags |= list.flag,
                None => group.push(Phrase {
                    rest,
                    flags: list.flag,
                }),
            }
        }
    }
    for group in phrases.values_mut() {
        group.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
    }
    let mut surname_endings: Vec<Box<str>> = entries(SURNAME_LIST.text)
        .map(|e| Box::from(lower(e)))
        .collect();
    surname_endings.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    surname_endings.dedup();
    Tables {
        words,
        surname_by_last: by_last_byte(surname_endings),
        phrases,
    }
}

/// Whether the first `chars` characters of `word` contain no lower-case
/// letter.
fn upper_prefix(word: &str, chars: usize) -> bool {
    word.chars().take(chars).all(|c| !c.is_lowercase())
}

/// `s` without trailing hyphens (`ақш-` of `АҚШ-тың`).
fn trim_hyphens(s: &str) -> &str {
    s.trim_end_matches(['-', '\u{2010}', '\u{2011}'])
}

impl Tables {
    /// Flags of the lower-cased form `stem`, whose first `chars`
    /// characters in `word` are its original spelling.
    fn lookup(&self, stem: &str, word: &str, chars: usize) -> u16 {
        let mut bits = 0;
        if let Some(e) = self.words.get(stem) {
            bits |= e.any;
            if e.upper != 0 && upper_prefix(word, chars) {
                bits |= e.upper;
            }
        }
        if self.has_surname_ending(stem) {
            bits |= GazHit::SURNAME_ENDING.bits();
        }
        bits
    }

    /// Whether lower-cased `s` ends in a surname ending after a root of
    /// at least [`MIN_SURNAME_ROOT_CHARS`] letters.
    fn has_surname_ending(&self, s: &str) -> bool {
        let last = s.as_bytes().last().map_or(0, |&b| usize::from(b));
        self.surname_by_last[last].iter().any(|e| {
            strip_end(s, e).is_some_and(|root| {
                root.chars()
                    .filter(|&c| is_letter(c))
                    .nth(MIN_SURNAME_ROOT_CHARS - 1)
                    .is_some()
            })
        })
    }
}

/// Flags for one token. Case-insensitive; matches the word itself and the
/// word with an inflectional case/possessive ending removed (e.g.
/// "Ақтөбеде" → "Ақтөбе", "Алматыға", "Ресейдің", "министрлігінің" →
/// "министрлігі" head, "Назарбаевтың" → surname ending "ев" + case).
/// Only a stem of at least two letters is looked up; a hyphen before the
/// ending is dropped (`АҚШ-тың`). [`GazHit::INFLECTED`] is set when only
/// a stem matched.
pub(crate) fn token_flags(word: &str) -> GazHit {
    if word.is_empty() || word.len() > MAX_WORD_BYTES {
        return GazHit::NONE;
    }
    let mut buf = [0u8; MAX_WORD_BYTES * 2];
    let Some(low) = to_lower_str(word, &mut buf) else {
        return GazHit::NONE;
    };
    lowered_flags(word, low)
}

/// [`token_flags`] of `word` given its lower case `low` (as
/// [`to_lower_str`] gives it), for callers that have lowered it already.
pub(crate) fn token_flags_lowered(word: &str, low: &str) -> GazHit {
    if word.is_empty() || word.len() > MAX_WORD_BYTES {
        return GazHit::NONE;
    }
    lowered_flags(word, low)
}

fn lowered_flags(word: &str, low: &str) -> GazHit {
    let t = &*TABLES;
    let whole = t.lookup(low, word, usize::MAX);
    if whole != 0 {
        return GazHit(whole);
    }
    let mut bits = 0;
    for (_, stem, chars) in case_stems(low) {
        if chars >= MIN_STEM_CHARS {
            bits |= t.lookup(stem, word, chars);
        }
    }
    if bits != 0 {
        bits |= GazHit::INFLECTED.bits();
    }
    GazHit(bits)
}

/// The byte length of the name of the place, person or organization lists
/// that `word` is, itself (`Канада`, `Ақорда`, `Арыстан`: no case ending
/// to remove, however much its end looks like one) or with one case ending
/// (`Канадада`, `Ақордаға`, `АҚШ-тың`: the longest listed stem, hyphen
/// dropped); `None` when it is neither.
pub(crate) fn listed_name_len(word: &str) -> Option<usize> {
    if word.is_empty() || word.len() > MAX_WORD_BYTES {
        return None;
    }
    let mut buf = [0u8; MAX_WORD_BYTES * 2];
    let low = to_lower_str(word, &mut buf)?;
    let names = GazHit::NAMES.bits();
    let t = &*TABLES;
    if t.lookup(low, word, usize::MAX) & names != 0 {
        return Some(word.len());
    }
    // Stricter than the tagger's look-ups: an ending of one letter (`-а`,
    // `-е`) would make `Сәтбаева` and `Кордильера` inflected forms of
    // listed names, and a stem of two letters `Сина` one of `Си`.
    case_stems(low)
        .filter(|&(ending, stem, chars)| {
            ending.chars().count() >= 2 && chars >= 3 && t.lookup(stem, word, chars) & names != 0
        })
        // Lower-casing maps letter to letter: the stem is the word's first
        // `chars` letters.
        .map(|(_, _, chars)| {
            word.char_indices()
                .nth(chars)
                .map_or(word.len(), |(i, _)| i)
        })
        .max()
}

/// The stems of the lower-cased word `low` under each case ending it ends
/// with (alone or after a 3rd person possessive, and -дағы, as morphology
/// generates them), a hyphen before the ending dropped (`ақш-` of
/// `АҚШ-тың`): the ending, the stem and its length in letters.
fn case_stems(low: &str) -> impl Iterator<Item = (&'static str, &str, usize)> + '_ {
    let last = low.as_bytes().last().map_or(0, |&b| usize::from(b));
    ENDINGS_BY_LAST[last].iter().filter_map(move |&ending| {
        let stem = trim_hyphens(strip_end(low, ending)?);
        Some((ending, stem, stem.chars().count()))
    })
}

/// [`CASE_ENDINGS`] grouped by their last byte (see [`by_last_byte`]).
static ENDINGS_BY_LAST: LazyLock<Box<[Box<[&'static str]>]>> =
    LazyLock::new(|| by_last_byte(CASE_ENDINGS.iter().copied()));

/// Endings grouped by their last byte, 256 groups, each in the endings'
/// order (an empty ending in every group): a word is compared only with
/// the endings that end as it does.
fn by_last_byte<T: AsRef<str> + Clone>(endings: impl IntoIterator<Item = T>) -> Box<[Box<[T]>]> {
    let mut groups: Vec<Vec<T>> = vec![Vec::new(); 256];
    for e in endings {
        let bytes = match e.as_ref().as_bytes().last() {
            Some(&b) => usize::from(b)..usize::from(b) + 1,
            None => 0..256,
        };
        for group in &mut groups[bytes] {
            group.push(e.clone());
        }
    }
    groups.into_iter().map(Vec::into_boxed_slice).collect()
}

/// `s` without the ending `end`, if it ends so. The last bytes are compared
/// first, inline: nearly every ending tried does not match, and most
/// differ in their last byte, which spares the call to `memcmp` (a tenth
/// of the time of tagging new words went to those calls).
#[inline]
fn strip_end<'a>(s: &'a str, end: &str) -> Option<&'a str> {
    match (s.as_bytes().last(), end.as_bytes().last()) {
        (Some(a), Some(b)) if a != b => None,
        _ => s.strip_suffix(end),
    }
}

/// Whether `rest` (what follows a phrase's last word in a token) is empty
/// or one case ending, optionally after a hyphen, in any letter case.
fn is_phrase_tail(rest: &str) -> bool {
    if rest.is_empty() {
        return true;
    }
    let rest = rest
        .strip_prefix(['-', '\u{2010}', '\u{2011}'])
        .unwrap_or(rest);
    CASE_ENDINGS.iter().any(|e| eq_ci(rest, e))
}

/// Whether `tokens` begin with the words of `rest`, the last one
/// possibly inflected.
fn phrase_matches(rest: &[Box<str>], tokens: &[&str]) -> bool {
    let Some((last, init)) = rest.split_last() else {
        return false;
    };
    if tokens.len() < rest.len() {
        return false;
    }
    init.iter().zip(tokens).all(|(w, t)| eq_ci(t, w))
        && strip_prefix_ci(tokens[init.len()], last).is_some_and(is_phrase_tail)
}

/// Whether `word` is the first word of a multi-word entry (see
/// [`phrase_flags`]), case-insensitively.
#[cfg(test)]
pub(crate) fn starts_phrase(word: &str) -> bool {
    let mut buf = [0u8; MAX_WORD_BYTES * 2];
    word.len() <= MAX_WORD_BYTES
        && to_lower_str(word, &mut buf).is_some_and(|low| TABLES.phrases.contains_key(low))
}

/// Whether a multi-word entry starts with `word`, given its lower case
/// `low`.
pub(crate) fn starts_phrase_lowered(word: &str, low: &str) -> bool {
    word.len() <= MAX_WORD_BYTES && TABLES.phrases.contains_key(low)
}

/// Multi-word entries (e.g. "Солтүстік Қазақстан", "Ақ жол", "Біріккен
/// Араб Әмірліктері"): mark, for a sentence of tokens, which tokens
/// start/continue a multi-word gazetteer match (longest match,
/// case-insensitive, last token may be inflected). `out` is cleared and
/// gets one [`GazHit`] per token: [`GazHit::PHRASE_START`] or
/// [`GazHit::PHRASE_INSIDE`] together with the lists of the phrase, or
/// [`GazHit::NONE`]. Matches do not overlap; they are taken left to right.
///
/// `may_start(i)` may say `false` for a token that [`starts_phrase_lowered`] says
/// cannot begin one, to spare its lookup (`|_| true` checks every token).
pub(crate) fn phrase_flags(
    tokens: &[&str],
    may_start: impl Fn(usize) -> bool,
    out: &mut Vec<GazHit>,
) {
    out.clear();
    out.resize(tokens.len(), GazHit::NONE);
    let t = &*TABLES;
    let mut buf = [0u8; MAX_WORD_BYTES * 2];
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        let group = if token.len() <= MAX_WORD_BYTES && may_start(i) {
            to_lower_str(token, &mut buf).and_then(|low| t.phrases.get(low))
        } else {
            None
        };
        let found =
            group.and_then(|g| g.iter().find(|p| phrase_matches(&p.rest, &tokens[i + 1..])));
        match found {
            Some(p) => {
                let n = p.rest.len() + 1;
                out[i] = GazHit::PHRASE_START | p.flags;
                for slot in &mut out[i + 1..i + n] {
                    *slot = GazHit::PHRASE_INSIDE | p.flags;
                }
                i += n;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// All data files, with their minimum sizes.
    fn all_lists() -> impl Iterator<Item = &'static List> {
        LISTS.iter().chain(std::iter::once(&SURNAME_LIST))
    }

    #[test]
    fn data_files_parse_and_are_large_enough() {
        for list in all_lists() {
            assert!(
                list.text.starts_with('#'),
                "{} must start with a comment header",
                list.name
            );
            let n = entries(list.text).count();
            assert!(
                n >= list.min,
                "{}: {} entries, expected at least {}",
                list.name,
                n,
                list.min
            );
        }
    }

    #[test]
    fn data_lines_are_trimmed_non_empty_and_unique() {
        for list in all_lists() {
            let mut seen = HashSet::new();
            for (no, line) in list.text.lines().enumerate() {
                assert!(!line.is_empty(), "{}:{}: empty line", list.name, no + 1);
                assert_eq!(line, line.trim(), "{}:{}: untrimmed", list.name, no + 1);
                if line.starts_with('#') {
                    continue;
                }
                assert!(
                    !line.contains("  ") && !line.contains('\t'),
                    "{}:{}: inner whitespace",
                    list.name,
                    no + 1
                );
                assert!(
                    seen.insert(lower(line)),
                    "{}:{}: duplicate {:?}",
                    list.name,
                    no + 1,
                    line
                );
            }
        }
    }

    #[test]
    fn surname_endings_are_lower_case_without_hyphen() {
        for e in entries(SURNAME_LIST.text) {
            assert_eq!(e, lower(e), "{e}");
            assert!(!e.starts_with('-'), "{e}");
        }
    }

    #[test]
    fn bare_and_inflected_words() {
        let cases: &[(&str, GazHit)] = &[
            // regions
            ("Ақтөбе", GazHit::REGION),
            ("Ақтөбеде", GazHit::REGION),
            ("Алматы", GazHit::REGION),
            ("Алматыға", GazHit::REGION),
            ("Алматыдағы", GazHit::REGION),
            ("АСТАНАДАН", GazHit::REGION),
            ("Шымкентте", GazHit::REGION),
            ("Таразда", GazHit::REGION),
            ("Өскеменнің", GazHit::REGION),
            ("Маңғыстауда", GazHit::REGION),
            ("Нұр-Сұлтанға", GazHit::REGION),
            // world places
            ("Ресей", GazHit::WORLD_PLACE),
            ("Ресейдің", GazHit::WORLD_PLACE),
            ("Қытайға", GazHit::WORLD_PLACE),
            ("Германиямен", GazHit::WORLD_PLACE),
            ("Қазақстанда", GazHit::WORLD_PLACE),
            ("Қазақстаннан", GazHit::WORLD_PLACE),
            ("АҚШ", GazHit::WORLD_PLACE),
            ("АҚШ-тың", GazHit::WORLD_PLACE),
            ("Мәскеуде", GazHit::WORLD_PLACE),
            ("Нью-Йоркте", GazHit::WORLD_PLACE),
            ("Еуропаға", GazHit::WORLD_PLACE),
            // natural places
            ("Ертіс", GazHit::NATURAL_PLACE),
            ("Ертістің", GazHit::NATURAL_PLACE),
            ("Сырдарияға", GazHit::NATURAL_PLACE),
            ("Балқашта", GazHit::NATURAL_PLACE),
            ("Каспийдің", GazHit::NATURAL_PLACE),
            ("Алатауда", GazHit::NATURAL_PLACE),
            // first names
            ("Нұрлан", GazHit::FIRST_NAME),
            ("Нұрланның", GazHit::FIRST_NAME),
            ("Айгүлге", GazHit::FIRST_NAME),
            ("Владимир", GazHit::FIRST_NAME),
            ("Дональдқа", GazHit::FIRST_NAME),
            // surname endings
            ("Назарбаев", GazHit::SURNAME_ENDING),
            ("Назарбаевтың", GazHit::SURNAME_ENDING),
            ("Тоқаевқа", GazHit::SURNAME_ENDING),
            ("Иванова", GazHit::SURNAME_ENDING),
            ("Байтұрсынұлы", GazHit::SURNAME_ENDING),
            ("Петровна", GazHit::SURNAME_ENDING),
            ("Шевченко", GazHit::SURNAME_ENDING),
            ("Путиннің", GazHit::SURNAME_ENDING),
            // organization heads
            ("министрлігі", GazHit::ORG_HEAD),
            ("министрлігінің", GazHit::ORG_HEAD),
            ("министрлігіне", GazHit::ORG_HEAD),
            ("университетінде", GazHit::ORG_HEAD),
            ("партиясының", GazHit::ORG_HEAD),
            ("банкі", GazHit::ORG_HEAD),
            ("АҚ", GazHit::ORG_HEAD),
            ("ЖШС-ның", GazHit::ORG_HEAD),
            ("Кеңесінің", GazHit::ORG_HEAD),
            ("факультетінде", GazHit::ORG_HEAD),
            ("Холдингс", GazHit::ORG_HEAD),
            ("Services", GazHit::ORG_HEAD),
            ("Эйрдің", GazHit::ORG_HEAD),
            // organizations
            ("БҰҰ", GazHit::ORGANIZATION),
            ("БҰҰ-ның", GazHit::ORGANIZATION),
            ("НАТО-ға", GazHit::ORGANIZATION),
            ("ЮНЕСКО", GazHit::ORGANIZATION),
            ("Қазатомөнеркәсіп", GazHit::ORGANIZATION),
            ("Самұрық-Қазынаның", GazHit::ORGANIZATION),
            ("ҚазҰУ-да", GazHit::ORGANIZATION),
            ("Kaspi", GazHit::ORGANIZATION),
            // kinds of places after a name
            ("аулының", GazHit::PLACE_TYPE),
            ("кентінде", GazHit::PLACE_TYPE),
            ("ауылдарының", GazHit::PLACE_TYPE),
            ("өзені", GazHit::PLACE_TYPE),
            ("шағынауданының", GazHit::PLACE_TYPE),
            ("қорығына", GazHit::PLACE_TYPE),
            // person titles
            ("Президенті", GazHit::PERSON_TITLE),
            ("президентінің", GazHit::PERSON_TITLE),
            ("Премьер-Министрге", GazHit::PERSON_TITLE),
            ("әкімі", GazHit::PERSON_TITLE),
            ("мырза", GazHit::PERSON_TITLE),
            ("ханымға", GazHit::PERSON_TITLE),
            ("профессор", GazHit::PERSON_TITLE),
        ];
        for &(word, flag) in cases {
            let got = token_flags(word);
            assert!(got.contains(flag), "{word}: {got:?} lacks {flag:?}");
        }
    }

    #[test]
    fn inflected_flag() {
        let cases = [
            ("Ақтөбе", false),
            ("Ақтөбеде", true),
            ("Ресейдің", true),
            ("министрлігі", false),
            ("министрлігінің", true),
            ("Назарбаев", false),
        ];
        for (word, inflected) in cases {
            assert_eq!(
                token_flags(word).contains(GazHit::INFLECTED),
                inflected,
                "{word}"
            );
        }
    }

    #[test]
    fn negatives() {
        let none = [
            "және",
            "бүгін",
            "жыл",
            "жылы",
            "бір",
            "осы",
            "үшін",
            "деп",
            "мен",
            "бойынша",
            "туралы",
            "оның",
            "бұл",
            "ақ",
            "жақсы",
            "",
            " ",
            "-",
            "--ның",
            "123",
            "2024-ші",
            "ның",
            "а",
        ];
        for word in none {
            assert_eq!(token_flags(word), GazHit::NONE, "{word:?}");
        }
        // Common words: no place flags.
        for word in [
            "адам",
            "ел",
            "елде",
            "қала",
            "қаласы",
            "өзен",
            "жол",
            "тау",
            "көл",
        ] {
            assert!(!token_flags(word).intersects(GazHit::PLACE), "{word}");
        }
        // Acronyms match only in capitals.
        assert!(!token_flags("Ақ").contains(GazHit::ORG_HEAD));
        assert!(!token_flags("ао").contains(GazHit::ORG_HEAD));
        // An ending alone is not a surname.
        assert!(!token_flags("ұлы").contains(GazHit::SURNAME_ENDING));
        assert!(!token_flags("ов").contains(GazHit::SURNAME_ENDING));
    }

    #[test]
    fn never_panics() {
        let long = "ә".repeat(1000);
        let words = [
            long.as_str(),
            "\u{0}",
            "İstanbul",
            "\u{212A}азақстан",
            "ǅ",
            "🙂ның",
            "-",
            "\u{2010}ға",
            "ақш\u{2011}тың",
        ];
        for w in words {
            let _ = token_flags(w);
        }
        let mut out = Vec::new();
        phrase_flags(&words, |_| true, &mut out);
        assert_eq!(out.len(), words.len());
        phrase_flags(&[], |_| true, &mut out);
        assert!(out.is_empty());
    }

    /// Splits a sentence on spaces and returns (token, is start, is inside).
    fn phrases(sentence: &str) -> Vec<(String, GazHit)> {
        let tokens: Vec<&str> = sentence.split(' ').collect();
        let mut out = vec![GazHit::REGION; 3];
        phrase_flags(&tokens, |_| true, &mut out);
        assert_eq!(out.len(), tokens.len());
        // Skipping the tokens that start no entry changes nothing.
        let mut quick = Vec::new();
        phrase_flags(&tokens, |i| starts_phrase(tokens[i]), &mut quick);
        assert_eq!(quick, out, "{sentence}");
        tokens
            .iter()
            .zip(out)
            .map(|(t, f)| (t.to_string(), f))
            .collect()
    }

    #[test]
    fn multi_word_phrases() {
        // (sentence, index of the first token, length, list)
        let cases: &[(&str, usize, usize, GazHit)] = &[
            ("Солтүстік Қазақстан облысында", 0, 3, GazHit::REGION),
            ("біз Солтүстік Қазақстанға бардық", 1, 2, GazHit::REGION),
            ("СОЛТҮСТІК ҚАЗАҚСТАН", 0, 2, GazHit::REGION),
            ("Ақ жол партиясы", 0, 2, GazHit::ORGANIZATION),
            (
                "Біріккен Араб Әмірліктерінің астанасы",
                0,
                3,
                GazHit::WORLD_PLACE,
            ),
            ("Біріккен Араб Әмірліктері-нің", 0, 3, GazHit::WORLD_PLACE),
            ("Орталық Азия елдері", 0, 2, GazHit::WORLD_PLACE),
            (
                "бұл Біріккен Ұлттар Ұйымының шешімі",
                1,
                3,
                GazHit::ORGANIZATION,
            ),
            ("Каспий теңізіне", 0, 2, GazHit::NATURAL_PLACE),
            ("Нұр Отан", 0, 2, GazHit::ORGANIZATION),
        ];
        for &(sentence, start, len, list) in cases {
            let got = phrases(sentence);
            for (i, (token, flags)) in got.iter().enumerate() {
                let expect = if i == start {
                    GazHit::PHRASE_START
                } else if i > start && i < start + len {
                    GazHit::PHRASE_INSIDE
                } else {
                    assert_eq!(*flags, GazHit::NONE, "{sentence}: {token}");
                    continue;
                };
                assert!(
                    flags.contains(expect | list),
                    "{sentence}: {token} {flags:?}"
                );
                let other = if expect == GazHit::PHRASE_START {
                    GazHit::PHRASE_INSIDE
                } else {
                    GazHit::PHRASE_START
                };
                assert!(!flags.contains(other), "{sentence}: {token}");
            }
        }
    }

    #[test]
    fn phrase_negatives() {
        for sentence in [
            "Солтүстік жақта",
            "Біріккен Араб",
            "Қазақстан облысы",
            "Ақ жолдар",
            "және бүгін жыл",
            "Солтүстік Қазақстаны бар",
        ] {
            for (token, flags) in phrases(sentence) {
                assert_eq!(flags, GazHit::NONE, "{sentence}: {token}");
            }
        }
    }

    #[test]
    fn longest_phrase_wins() {
        // "Солтүстік Қазақстан облысы" beats "Солтүстік Қазақстан".
        let got = phrases("Солтүстік Қазақстан облысы");
        assert!(got[2].1.contains(GazHit::PHRASE_INSIDE));
        // "Біріккен Ұлттар Ұйымы" is matched whole.
        let got = phrases("Біріккен Ұлттар Ұйымы");
        assert!(got
            .iter()
            .skip(1)
            .all(|(_, f)| f.contains(GazHit::PHRASE_INSIDE)));
    }

    #[test]
    fn every_listed_name_is_its_own_nominative() {
        // A name the lists give in nominative must come out of
        // `ner::nominative` unchanged, however its end looks.
        let mut checked = 0;
        for list in LISTS.iter().filter(|l| GazHit::NAMES.contains(l.flag)) {
            for entry in entries(list.text) {
                let words: Vec<&str> = entry.split_whitespace().collect();
                if words.len() != 1 {
                    continue;
                }
                assert_eq!(
                    listed_name_len(entry),
                    Some(entry.len()),
                    "{}: {entry}",
                    list.name
                );
                assert_eq!(
                    crate::ner::nominative(&words),
                    entry,
                    "{}: {entry}",
                    list.name
                );
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
        assert_eq!(listed_name_len("мектеп"), None);
        assert_eq!(listed_name_len(""), None);
        assert_eq!(listed_name_len("Канадада"), Some("Канада".len()));
        assert_eq!(listed_name_len("АҚШ-тың"), Some("АҚШ".len()));
    }

    #[test]
    fn gazhit_bits() {
        let h = GazHit::REGION | GazHit::FIRST_NAME;
        assert!(h.contains(GazHit::REGION));
        assert!(h.contains(GazHit::FIRST_NAME));
        assert!(!h.contains(GazHit::REGION | GazHit::WORLD_PLACE));
        assert!(h.intersects(GazHit::REGION | GazHit::WORLD_PLACE));
        assert_eq!(h.bits(), 1 | 8);
        assert_eq!(GazHit::from_bits(h.bits()), h);
        assert!(GazHit::NONE.is_empty());
        let mut m = GazHit::NONE;
        m |= GazHit::PHRASE_START;
        assert_eq!(m, GazHit::PHRASE_START);
        assert!(GazHit::LISTS.contains(GazHit::PERSON_TITLE));
        assert!(!GazHit::LISTS.intersects(GazHit::PHRASE_START | GazHit::INFLECTED));
    }
}
