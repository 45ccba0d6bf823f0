//! Features of the tagger: hashed attributes of each token and of its
//! neighbours.
//!
//! Each token's attributes (lower-case form, affixes, shape, stem and case,
//! gazetteer hits) are hashed once; a feature is a template number mixed
//! with one attribute of the token or of a neighbour, and its weight row is
//! found by the top bits of that hash. No strings are built per feature.

use super::cluster_table::{CLASS_PATHS, WORD_CLASSES};
use super::gazetteer::{phrase_flags, starts_phrase_lowered, token_flags_lowered, GazHit};
use super::model::{Model, LANES};
#[cfg(test)]
use super::model::{FEATURE_FINGERPRINT, FEATURE_SET, RETRAIN_SHIPPED};
use crate::hash::{hash_bytes, mix, FxHasher};
use crate::letters::to_lower_or_same;
use crate::tokenizer::short_quotations;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::LazyLock;

/// The most words a thread keeps (with a model of up to 32 labels, each
/// word's sums take 640 bytes: five slots of 32, see
/// [`Model::slot_width`]).
const CACHE_LIMIT: usize = 50_000;

/// The words the cache has room for from the start: all that a table of
/// 16 384 slots holds (7/8 of them). Grown from nothing, the table was
/// rehashed thirteen times on the way to as many words (some ten pages of
/// prose); the slots are memory only where words are written.
const CACHE_START: usize = 14_336;

thread_local! {
    /// The words this thread has seen, with their attributes and the
    /// weight sums of their word features under the last model that tagged
    /// them: most tokens of a text, and of the next document, repeat an
    /// earlier word. Cleared when full.
    static CACHE: RefCell<Cache> = RefCell::new(Cache {
        words: HashMap::with_capacity_and_hasher(CACHE_START, WordHash::new()),
        sums: Vec::new(),
    });
}

/// The words of [`CACHE`] and, in one vector, the weight sums of all of
/// them: a new word appends its sums instead of allocating a block of its
/// own.
struct Cache {
    words: HashMap<Box<str>, Cached, WordHash>,
    sums: Vec<i32>,
}

/// Hashes the cache's words with the lexicon's [`FxHasher`], from a random
/// seed per thread (std's default hasher is several times slower on short
/// words).
#[derive(Clone, Copy)]
struct WordHash(u64);

impl WordHash {
    fn new() -> WordHash {
        WordHash(std::collections::hash_map::RandomState::new().hash_one(0x4B5A_u64))
    }
}

impl BuildHasher for WordHash {
    type Hasher = FxHasher;

    fn build_hasher(&self) -> FxHasher {
        FxHasher::seeded(self.0)
    }
}

/// A word's entry in [`CACHE`].
struct Cached {
    attrs: Attrs,
    /// The [`Model::id`] that `sums` belong to (0: none yet).
    model: u64,
    /// Where in [`Cache::sums`] this word's `SLOTS.len() × W` weight sums
    /// start (`W`: [`Model::slot_width`]; slot `s` sums the rows of
    /// [`word_features`] of this word seen from slot `s`), and how many
    /// there are (0: none yet).
    sums_at: usize,
    sums_len: usize,
}

/// Where the token whose own attributes a word feature reads stands,
/// relative to the token being tagged: itself, the one before, after, two
/// before, two after. The weights of these
/// features depend on the word alone, so their sums are cached per word
/// and model, which spares the tagger half of its random reads of the
/// weight table; the other features depend on the sentence around.
pub(crate) const SLOTS: [isize; 5] = [0, -1, 1, -2, 2];

/// The features over one token's own attributes `a`, seen from slot `s`
/// of [`SLOTS`], into `f`.
fn word_features(a: &Attrs, s: usize, f: &mut Vec<u64>) {
    class_features(a, s, f);
    // The temporal class, of words that have one: with the case for the
    // token itself, alone for its neighbours.
    if a.temporal != NO_TEMPORAL {
        f.push(mix(60 + s as u64, a.temporal));
        if s == 0 {
            f.push(mix(65, mix(a.temporal, a.case)));
        }
    }
    match s {
        0 => f.extend([
            mix(0, 0),
            mix(1, a.lower),
            mix(2, a.word),
            mix(3, a.prefix3),
            mix(4, a.suffix2),
            mix(5, a.suffix3),
            mix(6, a.suffix4),
            mix(7, a.shape),
            mix(8, a.stem),
            mix(9, a.case),
            mix(26, mix(a.shape, a.case)),
            mix(39, a.prefix2),
            mix(40, a.prefix4),
            mix(41, a.suffix1),
            mix(42, a.suffix5),
            mix(46, a.lemma),
            mix(57, mix(a.stem_suffix, u64::from(a.title))),
            mix(58, mix(a.class, a.shape)),
        ]),
        _ => {
            // A neighbour: its lower case, shape, last three letters, stem,
            // case, lemma and temporal class one away; its lower case,
            // lemma and temporal class two away.
            let near = [a.lower, a.shape, a.suffix3, a.stem, a.case, a.lemma];
            let far = [a.lower, a.lemma];
            let (templates, values): (&[u64], &[u64]) = match s {
                1 => (&[10, 14, 16, 20, 44, 47], &near),
                2 => (&[11, 15, 17, 21, 43, 48], &near),
                3 => (&[12, 52], &far),
                _ => (&[13, 51], &far),
            };
            f.extend(templates.iter().zip(values).map(|(&t, &v)| mix(t, v)));
        }
    }
}

/// The weight sums of `a`'s word features under `model`, slot after slot,
/// into `out` (`SLOTS.len() × W`, `W`: [`Model::slot_width`]).
fn word_sums(a: &Attrs, model: &Model, scratch: &mut Vec<u64>, out: &mut [i32]) {
    for (s, sums) in out.chunks_exact_mut(model.slot_width()).enumerate() {
        scratch.clear();
        word_features(a, s, scratch);
        if let Ok(sums) = <&mut [i32; LANES]>::try_from(&mut *sums) {
            // Whole padded rows, summed in sixteen-bit registers.
            *sums = model.row_sums(scratch);
            continue;
        }
        // Wider models add into `sums` itself.
        sums.fill(0);
        for &h in scratch.iter() {
            for (v, &w) in sums.iter_mut().zip(model.row_weights(model.row(h))) {
                *v += i32::from(w);
            }
        }
    }
}

/// For each token `i` of a sentence whose words' sums start at
/// `sums_at` in `sums` (`SLOTS.len()` slots of `w` each), the sum over the
/// slots `s` of the sums of the word at `i + SLOTS[s]` seen from slot `s`,
/// or of `outside` there when that position is outside the sentence:
/// `w` values a token, into `out`. Integer sums, so the order of the
/// additions does not change them.
fn context_sums(sums: &[i32], sums_at: &[usize], outside: &[i32], w: usize, out: &mut Vec<i32>) {
    let n = sums_at.len();
    out.clear();
    let slot = |i: usize, s: usize, offset: isize| -> Option<&[i32]> {
        match i.checked_add_signed(offset).filter(|&j| j < n) {
            Some(j) => sums_at.get(j).and_then(|&at| sums.get(at + s * w..)),
            None => outside.get(s * w..),
        }
        .and_then(|f| f.get(..w))
    };
    if w == LANES {
        for i in 0..n {
            // A local array of fixed length, which the compiler keeps in
            // vector registers.
            let mut acc = [0i32; LANES];
            for (s, offset) in SLOTS.iter().enumerate() {
                if let Some(from) =
                    slot(i, s, *offset).and_then(|f| <&[i32; LANES]>::try_from(f).ok())
                {
                    for (a, &v) in acc.iter_mut().zip(from) {
                        *a += v;
                    }
                }
            }
            out.extend_from_slice(&acc);
        }
        return;
    }
    out.resize(n * w, 0);
    for (i, acc) in out.chunks_exact_mut(w.max(1)).enumerate() {
        for (s, offset) in SLOTS.iter().enumerate() {
            if let Some(from) = slot(i, s, *offset) {
                for (a, &v) in acc.iter_mut().zip(from) {
                    *a += v;
                }
            }
        }
    }
}

/// The temporal attribute of a word without a temporal class.
const NO_TEMPORAL: u64 = 0x300;

/// Stands for the attribute of a position outside the sentence.
const OUTSIDE: u64 = 0x5851_F42D_4C95_7F2D;

/// The hashed attributes of one token.
#[derive(Clone, Copy, Debug)]
struct Attrs {
    lower: u64,
    word: u64,
    prefix3: u64,
    suffix2: u64,
    suffix3: u64,
    suffix4: u64,
    prefix2: u64,
    prefix4: u64,
    suffix1: u64,
    suffix5: u64,
    shape: u64,
    stem: u64,
    lemma: u64,
    case: u64,
    /// The last three letters of the stem.
    stem_suffix: u64,
    /// The lexicon's common-word classes of the stem.
    class: u64,
    /// The temporal word class (`temporal::word_class`).
    temporal: u64,
    /// The word's class learned from prose (`word_class`): its path in the
    /// class tree, 0 for a word without one.
    cluster: u64,
    gaz: u16,
    /// Inside «…» or "…": the lower-case word after the closing quote.
    quoted_before: u64,
    /// Starts with a capital letter.
    title: bool,
    /// A word prose writes in lower case inside sentences and capitalised
    /// at their start (`tokenizer::is_sentence_starter`: `бұл`, `кейін`).
    starter: bool,
    /// A word or number (not punctuation).
    wordlike: bool,
    /// May begin a multi-word gazetteer entry.
    phrase_head: bool,
}

impl Attrs {
    fn outside() -> Attrs {
        Attrs {
            lower: OUTSIDE,
            word: OUTSIDE,
            prefix3: OUTSIDE,
            suffix2: OUTSIDE,
            suffix3: OUTSIDE,
            suffix4: OUTSIDE,
            prefix2: OUTSIDE,
            prefix4: OUTSIDE,
            suffix1: OUTSIDE,
            suffix5: OUTSIDE,
            shape: OUTSIDE,
            stem: OUTSIDE,
            lemma: OUTSIDE,
            case: OUTSIDE,
            stem_suffix: OUTSIDE,
            class: OUTSIDE,
            temporal: OUTSIDE,
            cluster: OUTSIDE,
            gaz: 0,
            quoted_before: OUTSIDE,
            title: false,
            starter: false,
            wordlike: false,
            phrase_head: false,
        }
    }
}

/// The shape of a word: runs of capitals (`X`), small letters (`x`),
/// digits (`d`) and other characters (`-`), at most four runs, plus the
/// script of its letters (`c` Cyrillic, `l` Latin, `m` both).
fn shape(word: &str) -> u64 {
    let mut runs = [0u8; 6];
    let mut n = 0;
    let (mut cyr, mut lat) = (false, false);
    for c in word.chars() {
        let class = if c.is_ascii_digit() {
            b'd'
        } else if ('\u{400}'..='\u{4FF}').contains(&c) || c.is_alphabetic() {
            if ('\u{400}'..='\u{4FF}').contains(&c) {
                cyr = true;
            } else {
                lat = true;
            }
            if crate::letters::to_lower(c) != c {
                b'X'
            } else {
                b'x'
            }
        } else {
            b'-'
        };
        if n == 0 || runs[n - 1] != class {
            if n == 4 {
                break;
            }
            runs[n] = class;
            n += 1;
        }
    }
    runs[4] = match (cyr, lat) {
        (true, true) => b'm',
        (true, false) => b'c',
        (false, true) => b'l',
        (false, false) => b'n',
    };
    let mut chars = word.chars();
    runs[5] = u8::from(chars.next().is_some() && chars.next().is_none());
    hash_bytes(7, &runs)
}

/// The byte offset where the last `k` chars of `s` begin.
fn last_chars(s: &str, k: usize) -> usize {
    s.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i)
}

/// The byte offset after the first `k` chars of `s`.
#[cfg(test)]
fn first_chars(s: &str, k: usize) -> usize {
    s.char_indices().nth(k).map_or(s.len(), |(i, _)| i)
}

/// [`first_chars`] of `s` for `k` from 0 to 4, at index `k`, from one walk.
fn first_ends(s: &str) -> [usize; 5] {
    let mut out = [s.len(); 5];
    for (o, (i, _)) in out.iter_mut().zip(s.char_indices()) {
        *o = i;
    }
    out
}

/// [`last_chars`] of `s` for `k` from 1 to 5, at index `k` (index 0 is
/// `s.len()`), from one walk back.
fn last_starts(s: &str) -> [usize; 6] {
    let mut out = [0; 6];
    out[0] = s.len();
    for (o, (i, _)) in out[1..].iter_mut().zip(s.char_indices().rev()) {
        *o = i;
    }
    out
}

/// The class learned from prose (`cluster_table.rs`, generated by
/// `tools/gentables`) of a lowered word: its path in the class tree, a
/// leading 1 bit and then one bit per level from the root.
///
/// The search runs over [`CLASS_KEYS`], numbers in the table's order, and
/// compares whole words only among those with the same first eight bytes:
/// a search of the words themselves called `memcmp` some 14 times a word.
fn word_class(lower: &str) -> Option<u64> {
    let keys = &*CLASS_KEYS;
    let k = key8(lower.as_bytes());
    let lo = keys.partition_point(|&x| x < k);
    let same = keys[lo..].partition_point(|&x| x == k);
    let words = &WORD_CLASSES[lo..lo + same];
    words
        .binary_search_by(|(w, _)| w.as_bytes().cmp(lower.as_bytes()))
        .ok()
        .and_then(|i| CLASS_PATHS.get(usize::from(words[i].1)))
        .copied()
}

/// The first eight bytes of `b` as a big-endian number, zeros after a
/// shorter `b`: in the byte order of the words, so the keys of the sorted
/// [`WORD_CLASSES`] are sorted too, and words with the same key are
/// together.
fn key8(b: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    let n = b.len().min(8);
    k[..n].copy_from_slice(&b[..n]);
    u64::from_be_bytes(k)
}

/// [`key8`] of each word of [`WORD_CLASSES`] (90 KB, built on first use).
static CLASS_KEYS: LazyLock<Box<[u64]>> = LazyLock::new(|| {
    WORD_CLASSES
        .iter()
        .map(|(w, _)| key8(w.as_bytes()))
        .collect()
});

/// The first `bits` levels of a class path (the whole path when it is
/// shorter), keeping its leading 1 bit so that prefixes of different
/// lengths differ.
fn class_prefix(path: u64, bits: u32) -> u64 {
    let depth = 63 - path.max(1).leading_zeros();
    if depth <= bits {
        path
    } else {
        path >> (depth - bits)
    }
}

/// The prefix lengths of a token's own class that are features.
const CLASS_PREFIXES: [u32; 4] = [4, 6, 10, 63];

/// The class features of a token's own word: prefixes of its class path
/// ([`CLASS_PREFIXES`]), or one feature for a word without a class. Only
/// the token itself: the neighbours' classes lowered the names' F1
/// (docs/experiments.md, "Word classes learned from prose").
fn class_features(a: &Attrs, s: usize, f: &mut Vec<u64>) {
    if s != 0 {
        return;
    }
    const TEMPLATES: [u64; 4] = [77, 78, 79, 80];
    if a.cluster == 0 {
        f.push(mix(TEMPLATES[0], 0));
        return;
    }
    f.extend(
        TEMPLATES
            .iter()
            .zip(CLASS_PREFIXES)
            .map(|(&t, n)| mix(t, class_prefix(a.cluster, n))),
    );
}

fn attrs(word: &str, buf: &mut [u8; 256]) -> Attrs {
    // Lowered once for the features, the gazetteers and the morphology.
    let lower = to_lower_or_same(word, buf).unwrap_or(word);
    let gaz = token_flags_lowered(word, lower).bits();
    // The stem and case (`morph::split_case`) and the lemma, from one
    // analysis.
    let ((stem_len, case), lemma) = crate::morph::split_and_lemma(lower);
    let stem = lower.get(..stem_len).unwrap_or(lower);
    let title = word
        .chars()
        .next()
        .is_some_and(|c| crate::letters::to_lower(c) != c);
    // The affixes' ends and starts, from one walk each way.
    let (ends, starts) = (first_ends(lower), last_starts(lower));
    let bytes = lower.as_bytes();
    Attrs {
        lower: hash_bytes(1, bytes),
        word: hash_bytes(2, word.as_bytes()),
        prefix3: hash_bytes(3, &bytes[..ends[3]]),
        suffix2: hash_bytes(4, &bytes[starts[2]..]),
        suffix3: hash_bytes(5, &bytes[starts[3]..]),
        suffix4: hash_bytes(6, &bytes[starts[4]..]),
        prefix2: hash_bytes(9, &bytes[..ends[2]]),
        prefix4: hash_bytes(10, &bytes[..ends[4]]),
        suffix1: hash_bytes(11, &bytes[starts[1]..]),
        suffix5: hash_bytes(12, &bytes[starts[5]..]),
        shape: shape(word),
        stem: hash_bytes(8, stem.as_bytes()),
        lemma: hash_bytes(13, lemma.as_bytes()),
        case: case as u64 + 0x100,
        stem_suffix: hash_bytes(14, &stem.as_bytes()[last_chars(stem, 3)..]),
        class: u64::from(crate::morph::common_class(stem)) + 0x200,
        temporal: u64::from(super::temporal::word_class(lower, &lemma)) + 0x300,
        // The word's class, else its stem's (`Алматыдағы`: `алматы`).
        cluster: word_class(lower)
            .or_else(|| {
                (stem.len() < lower.len())
                    .then(|| word_class(stem))
                    .flatten()
            })
            .unwrap_or(0),
        gaz,
        quoted_before: OUTSIDE,
        title,
        // Looked up for capitalized words only: the feature reads it for
        // them alone.
        starter: title && crate::tokenizer::is_sentence_starter_lowered(lower),
        wordlike: word
            .chars()
            .next()
            .is_some_and(|c| crate::letters::is_letter(c) || c.is_numeric()),
        phrase_head: starts_phrase_lowered(word, lower),
    }
}

/// For each token, the distance (1 to 6) to the nearest organization head
/// word (`министрлігі`, `партиясы`, …) to its right within the same
/// stretch of words and quotes, or 0.
fn org_head_distance(attrs: &[Attrs], tokens: &[&str], out: &mut Vec<u8>) {
    out.clear();
    out.resize(attrs.len(), 0);
    let mut next: Option<usize> = None;
    for i in (0..attrs.len()).rev() {
        if let Some(j) = next {
            let d = j - i;
            out[i] = if d <= 6 { d as u8 } else { 0 };
        }
        if attrs[i].gaz & GazHit::ORG_HEAD.bits() != 0 {
            next = Some(i);
        } else if !attrs[i].wordlike && !matches!(tokens[i], "«" | "»" | "\"" | "“" | "”" | "-")
        {
            next = None;
        }
    }
}

/// For each token, its position in its run of capitalized words (capped at
/// 3) and the run's length (capped at 4), packed in a byte; 0 outside runs.
fn capital_runs(attrs: &[Attrs], out: &mut Vec<u8>) {
    out.clear();
    out.resize(attrs.len(), 0);
    let mut i = 0;
    while i < attrs.len() {
        if !attrs[i].title {
            i += 1;
            continue;
        }
        let start = i;
        while i < attrs.len() && attrs[i].title {
            i += 1;
        }
        let len = (i - start).min(4) as u8;
        for (k, o) in out[start..i].iter_mut().enumerate() {
            *o = ((k.min(3) as u8) << 4) | len;
        }
    }
}

/// Marks the tokens inside short quotations with the word after the
/// closing quote (`«Ақ жол» партиясы`: `партиясы`).
fn mark_quotes(tokens: &[&str], attrs: &mut [Attrs]) {
    short_quotations(
        tokens.len(),
        |k| tokens[k],
        12,
        |open, close| {
            let after = attrs.get(close + 1).map_or(OUTSIDE, |a| a.lower);
            for a in &mut attrs[open + 1..close] {
                a.quoted_before = after;
            }
        },
    );
}

/// A mention of the rule-based number extractor, by token indices.
#[derive(Clone, Debug)]
pub(crate) struct RuleMention {
    pub(crate) tokens: std::ops::Range<usize>,
    pub(crate) kind: crate::numbers::NumberKind,
    pub(crate) value: crate::numbers::Value,
    pub(crate) unit: Option<&'static str>,
    pub(crate) approx: Option<crate::numbers::Approx>,
}

/// The tokens of raw text that the words the tagger sees come from, for
/// the rules' reading of numbers: the tokens as written, whether each was
/// written against the one before (`glued`, `-15...-20`), and for each
/// word the index of its token (`origin`, in order: a token split into
/// KazNERD's words, `3 , 2 %`, gives several).
#[derive(Clone, Copy)]
pub(crate) struct RawTokens<'t> {
    pub(crate) tokens: &'t [&'t str],
    pub(crate) glued: &'t [bool],
    pub(crate) origin: &'t [usize],
}

/// The features of every token of a sentence, as hashes; reused between
/// sentences.
#[derive(Default)]
pub(crate) struct Extractor {
    attrs: Vec<Attrs>,
    gaz: Vec<GazHit>,
    head_distance: Vec<u8>,
    cap_run: Vec<u8>,
    /// The number extractor's reading of each token: 0 outside a mention,
    /// else `kind + 1`, plus 0x80 on the first token.
    numbers: Vec<u8>,
    joined: String,
    /// The first word of each raw token (`mark_numbers`).
    first_word: Vec<usize>,
    /// The number extractor's mentions of the sentence, which the tagger's
    /// number spans take their values from.
    pub(crate) rules: Vec<RuleMention>,
    /// Features of token `i`: `hashes[offsets[i]..offsets[i + 1]]`.
    pub(crate) hashes: Vec<u64>,
    /// Without a model (training): for each of `hashes`, whether it names
    /// the token's own word (its lower case, spelling, stem or lemma, alone
    /// or paired with a neighbour's), which training hides from some
    /// entity tokens (`Trainer::word_dropout`) so that the rest of the
    /// evidence (affixes, shape, gazetteers, context) learns to find names
    /// it has not seen. Empty with a model.
    pub(crate) lexical: Vec<bool>,
    pub(crate) offsets: Vec<usize>,
    /// With a model: for each token, the sum of the word-feature sums of
    /// the words around it, each seen from its slot (see [`SLOTS`];
    /// positions outside the sentence add [`Extractor::outside_sums`]):
    /// `W` sums a token (`W`: [`Model::slot_width`]; token `i`:
    /// `sums[i * W..][..L]`, then zeros up to `W`), and `hashes` holds
    /// only the other features. Empty without a model: then `hashes` holds
    /// every feature (as training needs).
    pub(crate) sums: Vec<i32>,
    /// Where each token's word sums start in the word cache, read while
    /// the cache is borrowed.
    sums_at: Vec<usize>,
    /// The word-feature sums of a position outside the sentence, per slot,
    /// under model `outside_model`.
    pub(crate) outside_sums: Vec<i32>,
    outside_model: u64,
    scratch: Vec<u64>,
}

impl Extractor {
    /// Computes the features of `tokens`: all of them as hashes without a
    /// model; with one, the word features as cached sums of its weights
    /// (see [`SLOTS`]) and the rest as hashes. Both give the same scores.
    // Training and the tests extract tokenized corpora; tagging raw text
    // goes through `extract_raw`.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn extract(&mut self, tokens: &[&str], model: Option<&Model>) {
        self.extract_raw(tokens, None, model);
    }

    /// [`Extractor::extract`] for the words of raw text, whose rule
    /// mentions are read from `raw`, the text's own tokens as written (see
    /// [`RawTokens`]); without it they are read from `tokens` joined by
    /// spaces, as tokenized corpora write them. Only the rule mentions
    /// depend on it.
    pub(crate) fn extract_raw(
        &mut self,
        tokens: &[&str],
        raw: Option<RawTokens<'_>>,
        model: Option<&Model>,
    ) {
        let mut buf = [0u8; 256];
        self.attrs.clear();
        self.sums.clear();
        self.sums_at.clear();
        let slot = model.map_or(0, Model::slot_width);
        let width = SLOTS.len() * slot;
        if let Some(m) = model {
            if self.outside_model != m.id || self.outside_sums.len() != width {
                self.outside_sums.resize(width, 0);
                word_sums(
                    &Attrs::outside(),
                    m,
                    &mut self.scratch,
                    &mut self.outside_sums,
                );
                self.outside_model = m.id;
            }
        }
        CACHE.with_borrow_mut(|cache| {
            // Sums of earlier models are left behind in `cache.sums`: bound
            // it as the words are bounded.
            if cache.words.len() > CACHE_LIMIT
                || (width > 0 && cache.sums.len() > CACHE_LIMIT * width)
            {
                cache.words.clear();
                cache.sums.clear();
            }
            let Cache { words, sums } = cache;
            for t in tokens {
                let entry = match words.get_mut(*t) {
                    Some(entry) => entry,
                    None => {
                        let attrs = attrs(t, &mut buf);
                        let fresh = Cached {
                            attrs,
                            model: 0,
                            sums_at: 0,
                            sums_len: 0,
                        };
                        words.entry((*t).into()).or_insert(fresh)
                    }
                };
                if let Some(m) = model {
                    if entry.model != m.id || entry.sums_len != width {
                        let at = sums.len();
                        sums.resize(at + width, 0);
                        word_sums(&entry.attrs, m, &mut self.scratch, &mut sums[at..]);
                        entry.sums_at = at;
                        entry.sums_len = width;
                        entry.model = m.id;
                    }
                    self.sums_at.push(entry.sums_at);
                }
                self.attrs.push(entry.attrs);
            }
            // Each token's slots added here, from the cache itself: the
            // tagger reads one vector a token, and no word's sums are
            // copied.
            if model.is_some() {
                context_sums(
                    sums,
                    &self.sums_at,
                    &self.outside_sums,
                    slot,
                    &mut self.sums,
                );
            }
        });
        let attrs = &mut self.attrs;
        phrase_flags(tokens, |i| attrs[i].phrase_head, &mut self.gaz);
        for (a, g) in attrs.iter_mut().zip(&self.gaz) {
            a.gaz |= g.bits();
        }
        mark_quotes(tokens, &mut self.attrs);
        org_head_distance(&self.attrs, tokens, &mut self.head_distance);
        self.mark_numbers(tokens, raw);
        capital_runs(&self.attrs, &mut self.cap_run);
        self.hashes.clear();
        self.lexical.clear();
        self.offsets.clear();
        let outside = Attrs::outside();
        let at = |k: isize| -> &Attrs {
            if k < 0 {
                &outside
            } else {
                self.attrs.get(k as usize).unwrap_or(&outside)
            }
        };
        for i in 0..tokens.len() {
            self.offsets.push(self.hashes.len());
            let k = i as isize;
            let (p1, c, n1, n2) = (at(k - 1), at(k), at(k + 1), at(k + 2));
            let first = u64::from(i == 0);
            let f = &mut self.hashes;
            if model.is_none() {
                for (s, offset) in SLOTS.iter().enumerate() {
                    word_features(at(k + offset), s, f);
                }
            }
            f.push(mix(18, mix(p1.lower, c.lower)));
            f.push(mix(19, mix(c.lower, n1.lower)));
            f.push(mix(22, mix(c.shape, n1.lower)));
            f.push(mix(23, mix(p1.shape, c.shape)));
            f.push(mix(24, mix(c.shape, first)));
            if c.title {
                // A capital that only starts the sentence, or one that
                // marks a name.
                f.push(mix(76, u64::from(c.starter) | first << 1));
            }
            f.push(mix(25, c.quoted_before));
            f.push(mix(27, mix(c.stem, n1.stem)));
            let num = |k: isize| -> u64 {
                usize::try_from(k)
                    .ok()
                    .and_then(|k| self.numbers.get(k))
                    .map_or(0xFF, |&n| u64::from(n))
            };
            let (nc, np, nn) = (num(k), num(k - 1), num(k + 1));
            f.push(mix(53, nc));
            f.push(mix(54, mix(np, nc)));
            f.push(mix(55, mix(nc, nn)));
            f.push(mix(56, mix(nc, c.suffix3)));
            let head = u64::from(self.head_distance[i]);
            f.push(mix(32, head));
            f.push(mix(33, mix(head, c.shape)));
            if head != 0 {
                f.push(mix(68, mix(head, c.lemma)));
            }
            f.push(mix(34, u64::from(self.cap_run[i])));
            f.push(mix(35, mix(u64::from(self.cap_run[i]), c.case)));
            f.push(mix(49, mix(c.lemma, n1.lemma)));
            f.push(mix(50, mix(p1.lemma, c.lemma)));
            f.push(mix(45, mix(c.stem, n1.lower)));
            f.push(mix(59, mix(c.class, n1.class)));
            for (template, a, b) in [(66, p1.temporal, c.temporal), (67, c.temporal, n1.temporal)] {
                if a != NO_TEMPORAL || b != NO_TEMPORAL {
                    f.push(mix(template, mix(a, b)));
                }
            }
            let title = u64::from(c.title) << 32;
            let mut bits = c.gaz;
            while bits != 0 {
                f.push(mix(38, title | u64::from(bits.trailing_zeros())));
                bits &= bits - 1;
            }
            for (template, gaz) in [(28u64, c.gaz), (29, p1.gaz), (30, n1.gaz), (31, n2.gaz)] {
                let mut bits = gaz;
                while bits != 0 {
                    let b = u64::from(bits.trailing_zeros());
                    f.push(mix(template, b));
                    bits &= bits - 1;
                }
            }
            if model.is_none() {
                let own = [
                    mix(1, c.lower),
                    mix(2, c.word),
                    mix(8, c.stem),
                    mix(46, c.lemma),
                    mix(18, mix(p1.lower, c.lower)),
                    mix(19, mix(c.lower, n1.lower)),
                    mix(27, mix(c.stem, n1.stem)),
                    mix(45, mix(c.stem, n1.lower)),
                    mix(49, mix(c.lemma, n1.lemma)),
                    mix(50, mix(p1.lemma, c.lemma)),
                ];
                let start = self.offsets[i];
                self.lexical
                    .extend(self.hashes[start..].iter().map(|h| own.contains(h)));
            }
        }
        self.offsets.push(self.hashes.len());
    }

    /// Runs the rule-based number extractor over the sentence, so that the
    /// tagger learns where its spans follow the corpus and where not: over
    /// `raw`, the text's own tokens, when given (each mention then covers
    /// all the words of its tokens), else over `tokens` joined by spaces.
    fn mark_numbers(&mut self, tokens: &[&str], raw: Option<RawTokens<'_>>) {
        self.numbers.clear();
        self.numbers.resize(tokens.len(), 0);
        self.rules.clear();
        let (read, glued): (&[&str], &[bool]) = match raw {
            Some(r) => (r.tokens, r.glued),
            None => (tokens, &[]),
        };
        crate::numbers::join_glued(read, glued, &mut self.joined);
        // The first word of each raw token (and one past the last).
        self.first_word.clear();
        if let Some(r) = raw {
            let mut prev = None;
            for (w, &t) in r.origin.iter().enumerate() {
                if prev != Some(t) {
                    self.first_word.push(w);
                    prev = Some(t);
                }
            }
            self.first_word.push(tokens.len());
        }
        for m in crate::numbers::extract_glued(read, glued, &self.joined) {
            let kind = m.kind() as u8 + 1;
            let range = match raw {
                Some(_) => {
                    let word = |t: usize| self.first_word.get(t).copied().unwrap_or(tokens.len());
                    word(m.tokens().start)..word(m.tokens().end)
                }
                None => m.tokens(),
            };
            for k in range.clone() {
                if let Some(slot) = self.numbers.get_mut(k) {
                    *slot = if k == range.start { kind | 0x80 } else { kind };
                }
            }
            self.rules.push(RuleMention {
                tokens: range,
                kind: m.kind(),
                value: m.value(),
                unit: m.unit(),
                approx: m.approx(),
            });
        }
    }

    /// The features of token `i`.
    pub(crate) fn features(&self, i: usize) -> &[u64] {
        &self.hashes[self.offsets[i]..self.offsets[i + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The combined hash of the features of `text`'s sentences (one a
    /// line, tokens separated by spaces; `#` lines skipped), as training
    /// extracts them: every feature of every token, through `finish` (so a
    /// change to the hash that picks the weight rows counts as well). A
    /// token's features are a multiset, as the tagger sums their rows: they
    /// are sorted, so that only a change of what is extracted counts, not
    /// of the order it is pushed in.
    fn fingerprint(text: &str) -> u64 {
        let mut x = Extractor::default();
        let mut features = Vec::new();
        let mut h = 0u64;
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            x.extract(&tokens, None);
            for i in 0..tokens.len() {
                features.clear();
                features.extend(x.features(i).iter().map(|&f| crate::hash::finish(f)));
                features.sort_unstable();
                h = hash_bytes(h, &(features.len() as u64).to_le_bytes());
                for f in &features {
                    h = hash_bytes(h, &f.to_le_bytes());
                }
            }
            h = hash_bytes(h, b"\n");
        }
        h
    }

    #[test]
    fn feature_set_is_current() {
        let got = fingerprint(include_str!("feature_sentences.txt"));
        assert!(
            got == FEATURE_FINGERPRINT,
            "feature extraction changed: set FEATURE_SET to {} and FEATURE_FINGERPRINT to \
             {got:#018x} (src/ner/model.rs) and retrain the model with `{RETRAIN_SHIPPED}`; \
             if only src/ner/feature_sentences.txt changed, set FEATURE_FINGERPRINT alone",
            FEATURE_SET + 1
        );
    }

    #[test]
    fn the_fingerprint_sees_every_kind_of_change() {
        let base = "Алматы қаласында 2023 жылғы 5 наурызда 300 адам жиналды .";
        let here = fingerprint(base);
        assert_eq!(fingerprint(&format!("# note\n{base}\n\n")), here);
        for other in [
            // A word, a number, a date, a token boundary, a sentence
            // boundary, a name.
            "Алматы қаласында 2023 жылғы 5 наурызда 301 адам жиналды .",
            "Алматы қаласында 2023 жылғы 6 наурызда 300 адам жиналды .",
            "Алматы қаласында 2023 жылғы 5 сәуірде 300 адам жиналды .",
            "Алматы қаласында 2023 жылғы 5 наурызда 300 адам жиналды.",
            "Алматы қаласында 2023 жылғы\n5 наурызда 300 адам жиналды .",
            "Астана қаласында 2023 жылғы 5 наурызда 300 адам жиналды .",
        ] {
            assert_ne!(fingerprint(other), here, "{other}");
        }
    }

    #[test]
    fn affix_offsets_are_char_boundaries() {
        for (s, k, want) in [
            ("алма", 2, "ма"),
            ("ab", 3, "ab"),
            ("", 2, ""),
            ("қала", 1, "а"),
        ] {
            assert_eq!(&s[last_chars(s, k)..], want);
        }
        assert_eq!(&"қазақ"[..first_chars("қазақ", 3)], "қаз");
        assert_eq!(&"ab"[..first_chars("ab", 3)], "ab");
    }

    #[test]
    fn affix_offsets_from_one_walk_match_the_walk_per_affix() {
        for s in [
            "",
            "а",
            "ақ",
            "1a",
            "жыл",
            "Астанада",
            "ҚР-ның",
            "x😀yz",
            "abcdefgh",
        ] {
            let (ends, starts) = (first_ends(s), last_starts(s));
            for (k, &end) in ends.iter().enumerate() {
                assert_eq!(end, first_chars(s, k), "{s:?} {k}");
            }
            for (k, &start) in starts.iter().enumerate().skip(1) {
                assert_eq!(start, last_chars(s, k), "{s:?} {k}");
            }
        }
    }

    #[test]
    fn shapes_tell_names_from_words() {
        assert_eq!(shape("Алматы"), shape("Семей"));
        assert_ne!(shape("Алматы"), shape("алматы"));
        assert_ne!(shape("ҚР"), shape("Қр"));
        assert_ne!(shape("2026"), shape("Алматы"));
        assert_ne!(shape("Apple"), shape("Алма"));
    }

    #[test]
    fn each_slot_has_its_own_templates() {
        // The same word seen from two positions must give different
        // features, or a slot added to SLOTS without its own templates
        // would silently share another's weights.
        let mut buf = [0u8; 256];
        for word in ["Астанада", "жылдың"] {
            let a = attrs(word, &mut buf);
            let mut seen = std::collections::HashSet::new();
            for s in 0..SLOTS.len() {
                let mut f = Vec::new();
                word_features(&a, s, &mut f);
                assert!(!f.is_empty(), "slot {s}");
                for h in f {
                    assert!(seen.insert(h), "{word}: slot {s} repeats a feature");
                }
            }
        }
    }

    #[test]
    fn every_token_gets_features_and_quotes_are_marked() {
        let tokens = ["«", "Ақ", "жол", "»", "партиясы", "жиналды", "."];
        let mut x = Extractor::default();
        x.extract(&tokens, None);
        assert_eq!(x.offsets.len(), tokens.len() + 1);
        for i in 0..tokens.len() {
            assert!(x.features(i).len() >= 28);
        }
        assert_ne!(x.attrs[1].quoted_before, OUTSIDE);
        assert_eq!(x.attrs[1].quoted_before, x.attrs[4].lower);
        assert_eq!(x.attrs[5].quoted_before, OUTSIDE);
        x.extract(&[], None);
        assert_eq!(x.offsets, [0]);
    }

    #[test]
    fn training_marks_the_features_of_the_word_itself() {
        let tokens = ["Тоқаев", "Астанаға", "келді", "."];
        let mut x = Extractor::default();
        x.extract(&tokens, None);
        assert_eq!(x.lexical.len(), x.hashes.len());
        let mut buf = [0u8; 256];
        for (i, t) in tokens.iter().enumerate() {
            let a = attrs(t, &mut buf);
            let range = x.offsets[i]..x.offsets[i + 1];
            let marked: Vec<u64> = range
                .clone()
                .filter(|&k| x.lexical[k])
                .map(|k| x.hashes[k])
                .collect();
            // The word's own lower case, spelling, stem and lemma (and its
            // pairs with neighbours), never its affixes or shape.
            for own in [
                mix(1, a.lower),
                mix(2, a.word),
                mix(8, a.stem),
                mix(46, a.lemma),
            ] {
                assert!(marked.contains(&own), "{t}");
            }
            for kept in [mix(5, a.suffix3), mix(7, a.shape), mix(0, 0)] {
                assert!(x.hashes[range.clone()].contains(&kept), "{t}");
                assert!(!marked.contains(&kept), "{t}");
            }
            assert!((6..=12).contains(&marked.len()), "{t}: {}", marked.len());
        }
        let model = Model::assemble(vec!["O".into()], 8, 1.0, vec![0.0; 2], vec![0; 256]);
        x.extract(&tokens, Some(&model));
        assert!(x.lexical.is_empty());
    }

    #[test]
    fn words_before_an_organization_head_pair_their_lemma_with_its_distance() {
        // (sentence, token, distance to the head ahead or 0 for none)
        let cases: &[(&[&str], usize, u64)] = &[
            (
                &["Мемлекеттік", "күзет", "қызметіне", "жаңа", "басшы"],
                0,
                2,
            ),
            (
                &["Мемлекеттік", "күзет", "қызметіне", "жаңа", "басшы"],
                1,
                1,
            ),
            (
                &["Мемлекеттік", "күзет", "қызметіне", "жаңа", "басшы"],
                3,
                0,
            ),
            (&["«", "Ақ", "жол", "»", "партиясы"], 1, 3),
            // A comma ends the stretch a head is looked for in.
            (&["Ішкі", "істер", ",", "министрлігі"], 1, 0),
            (&["Ол", "келді", "."], 0, 0),
        ];
        let mut buf = [0u8; 256];
        let mut x = Extractor::default();
        for &(tokens, i, want) in cases {
            x.extract(tokens, None);
            let lemma = attrs(tokens[i], &mut buf).lemma;
            let f = x.features(i);
            for d in 1..=6u64 {
                let has = f.contains(&mix(68, mix(d, lemma)));
                assert_eq!(has, d == want, "{tokens:?} {i}: distance {d}");
            }
        }
    }

    #[test]
    fn a_capital_tells_whether_the_word_is_one_prose_writes_in_lower_case() {
        // (sentence, token, the feature's value, or None for no feature)
        let cases: &[(&[&str], usize, Option<u64>)] = &[
            // A common word capitalised because it starts the sentence.
            (&["Бұл", "Алматыда", "болды"], 0, Some(0b11)),
            // A name, at the start and inside.
            (&["Талдықорғанда", "жиын", "өтті"], 0, Some(0b10)),
            (&["Бұл", "Алматыда", "болды"], 1, Some(0b00)),
            // A common word capitalised inside: the start of a name.
            (&["Біз", "Бұл", "жерде"], 1, Some(0b01)),
            // Lower case: no feature.
            (&["Біз", "бұл", "жерде"], 1, None),
        ];
        let mut x = Extractor::default();
        for &(tokens, i, want) in cases {
            x.extract(tokens, None);
            let f = x.features(i);
            for v in 0..4u64 {
                assert_eq!(
                    f.contains(&mix(76, v)),
                    want == Some(v),
                    "{tokens:?} {i}: value {v}"
                );
            }
        }
    }

    #[test]
    fn words_get_the_prefixes_of_their_learned_class() {
        // Paths: a leading 1 bit, then the levels from the root.
        // (path, prefix length, prefix)
        let prefixes: &[(u64, u32, u64)] = &[
            (0b1_0110_1101, 4, 0b1_0110),
            (0b1_0110_1101, 6, 0b101_1011),
            (0b1_0110_1101, 10, 0b1_0110_1101),
            (0b1_0110_1101, 63, 0b1_0110_1101),
            (0b1_01, 4, 0b1_01),
            (0b1, 4, 0b1),
        ];
        for &(path, bits, want) in prefixes {
            assert_eq!(class_prefix(path, bits), want, "{path:b} {bits}");
        }
        // The table is sorted, and its classes are paths of the tree.
        assert!(WORD_CLASSES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(WORD_CLASSES
            .iter()
            .all(|&(_, k)| usize::from(k) < CLASS_PATHS.len()));
        assert!(CLASS_PATHS.iter().all(|&p| p >= 1));
        // The search by keys finds what a search of the words finds, for
        // every word, its prefixes and longer words.
        let plain = |lower: &str| {
            WORD_CLASSES
                .binary_search_by(|(w, _)| w.as_bytes().cmp(lower.as_bytes()))
                .ok()
                .map(|i| CLASS_PATHS[usize::from(WORD_CLASSES[i].1)])
        };
        for &(w, _) in WORD_CLASSES.iter() {
            let longer = [format!("{w}а"), format!("{w}\0"), format!("{w}-")];
            let cut: Vec<&str> = w.char_indices().map(|(i, _)| &w[..i]).collect();
            for x in cut.iter().copied().chain(longer.iter().map(String::as_str)) {
                assert_eq!(word_class(x), plain(x), "{x:?}");
            }
            assert!(word_class(w).is_some(), "{w}");
        }
        // (word, whether it has a class of its own or its stem's, a word
        // that must share its class)
        let cases: &[(&str, bool, Option<&str>)] = &[
            ("Алматы", true, Some("алматы")),
            // Through the stem: the inflected form is not in the table.
            ("Алматымен", true, Some("алматы")),
            ("және", true, None),
            ("Zqxjwv", false, None),
            ("2026", false, None),
            (",", false, None),
        ];
        let mut buf = [0u8; 256];
        for &(word, known, same) in cases {
            let a = attrs(word, &mut buf);
            assert_eq!(a.cluster != 0, known, "{word}");
            if let Some(other) = same {
                assert_eq!(a.cluster, attrs(other, &mut buf).cluster, "{word}");
            }
            let mut f = Vec::new();
            class_features(&a, 0, &mut f);
            let want = if known { CLASS_PREFIXES.len() } else { 1 };
            assert_eq!(f.len(), want, "{word}");
            // Neighbours do not read the class.
            for s in 1..SLOTS.len() {
                let mut f = Vec::new();
                class_features(&a, s, &mut f);
                assert!(f.is_empty(), "{word} slot {s}");
            }
        }
        // Two words of one class share every prefix feature; the coarsest
        // prefix is shared more widely than the whole path.
        let (x, y) = (attrs("Алматы", &mut buf), attrs("алматы", &mut buf));
        let (mut fx, mut fy) = (Vec::new(), Vec::new());
        class_features(&x, 0, &mut fx);
        class_features(&y, 0, &mut fy);
        assert_eq!(fx, fy);
        let coarse = |p: u64| class_prefix(p, CLASS_PREFIXES[0]);
        let share_coarse = CLASS_PATHS
            .iter()
            .filter(|&&p| coarse(p) == coarse(x.cluster))
            .count();
        let share_whole = CLASS_PATHS.iter().filter(|&&p| p == x.cluster).count();
        assert!(share_coarse > share_whole);
    }

    #[test]
    fn temporal_words_get_their_class_features() {
        let mut buf = [0u8; 256];
        let (year, city) = (attrs("жылдың", &mut buf), attrs("Астанада", &mut buf));
        assert_ne!(year.temporal, NO_TEMPORAL);
        assert_eq!(city.temporal, NO_TEMPORAL);
        let count = |a: &Attrs| {
            let mut f = Vec::new();
            word_features(a, 0, &mut f);
            f.len()
        };
        // The class alone and with the case.
        assert_eq!(count(&year), count(&city) + 2);
    }
}
