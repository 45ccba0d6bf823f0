//! The analyzer: right-to-left suffix stripping over the expanded suffix
//! forms, scored with the stem lexicon.
//!
//! Readings are found by a depth-first search over the slots (case ←
//! possessive ← plural for nominals; then participle or gerund, or a finite
//! ending, ← negation ← passive for verbs). Every reading is scored and the
//! best one gives the lemma. `f` is the stem's frequency bucket in the
//! lexicon (⌊log2(1 + KazNERD count)⌋, 0–15); for a verb reading, `f` is
//! the bucket of the stem's uses with verb endings alone:
//!
//! | reading | score |
//! |---|---|
//! | known verb stem with verb endings | 10.05 + 0.15 f + 0.1 × ending strength; +0.5 when a passive was removed from a stem of 3+ letters, +0.5 for a gerund with a case ending (unless the gerund is a nominal entry four times as common as its verb); −1 for weak endings alone (-а, -й) |
//! | stem known only as a nominal, with endings only verbs take (жүгір-іп) | 5.1 (4.5 when nominal endings follow) |
//! | known nominal stem with nominal endings | 10 + 0.15 f (9 with the adverbial -ғы or the similative -дай, 7.5 with a 1st/2nd person singular possessive) |
//! | the whole word, known | 9.8 + 0.15 f (12 for forms marked lexicalised, such as теңге) |
//! | ordinal of a number word | 12 |
//! | unknown stem with a strong ending (genitive, dative, ablative, …; the accusative after a loan's -ия) | 5 |
//! | unknown stem with a weaker ending | 2.5–4 |
//! | the whole word, unknown | 3 |
//!
//! Known stems lose 0.01 a letter, so that of two known stems the shorter
//! wins (the dictionary lists some inflected forms); remaining ties go to
//! the longer stem.

use std::borrow::Cow;

use super::closed;
use super::lexicon::{self, Entry, LEXICALISED, NOMINAL, PROPER, VERB};
use super::phon::{self, Harmony};
use super::tables::{self, Append, Form, Need, Slot, BY_SLOT};
use super::{Analysis, Case, Morpheme, Number, Person, Pos, Suffix, VerbForm};
use crate::letters;

const MAX: usize = 8;

/// The verb bucket from which a bare gerund of a one-syllable root is
/// read as the verb (at least 31 uses with verb endings in KazNERD).
const COMMON_VERB: u8 = 5;

/// Longer words are left whole (offsets are kept in `u16`).
const MAX_WORD: usize = 1024;

/// The search's copy of a word after 16 zero bytes, for words up to
/// `WINDOW - 16` bytes: the 16 bytes before any position are one load.
const WINDOW: usize = 128;

/// A suffix found in the lower-cased word: byte range and meaning.
#[derive(Clone, Copy, Debug)]
struct Piece {
    start: u16,
    end: u16,
    morpheme: Morpheme,
    strength: u8,
}

impl Piece {
    /// The piece `start..end` of the word, read as `form`.
    fn of(form: &Form, start: usize, end: usize) -> Piece {
        Piece {
            start: start as u16,
            end: end as u16,
            morpheme: form.morpheme,
            strength: form.strength,
        }
    }
}

const EMPTY_PIECE: Piece = Piece {
    start: 0,
    end: 0,
    morpheme: Morpheme::Plural,
    strength: 0,
};

/// Suffixes stripped so far, right to left.
#[derive(Clone, Copy, Debug)]
struct Chain {
    pieces: [Piece; MAX],
    len: usize,
}

impl Chain {
    fn new() -> Self {
        Chain {
            pieces: [EMPTY_PIECE; MAX],
            len: 0,
        }
    }

    fn push(&mut self, piece: Piece) -> bool {
        if self.len == MAX {
            return false;
        }
        self.pieces[self.len] = piece;
        self.len += 1;
        true
    }

    fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    fn iter(&self) -> impl Iterator<Item = &Piece> {
        self.pieces[..self.len].iter()
    }

    /// The suffix right after the stem.
    fn leftmost(&self) -> Option<&Piece> {
        self.len.checked_sub(1).map(|i| &self.pieces[i])
    }

    fn strength(&self) -> u8 {
        self.iter().map(|p| p.strength).max().unwrap_or(0)
    }

    fn has(&self, f: impl Fn(Morpheme) -> bool) -> bool {
        self.iter().any(|p| f(p.morpheme))
    }
}

/// How the lemma differs from the surface stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fix {
    /// The lemma is the stem.
    None,
    /// The last consonant is voiceless in the lemma (кітаб → кітап).
    Devoice,
    /// The lemma adds ы or і (оқи-ды → оқы).
    Vowel(Harmony),
    /// The lemma is this lower-case word.
    Replace(&'static str),
    /// The lemma ends in the soft sign dropped before a vowel (королі →
    /// король).
    Soft,
    /// The lemma ends in the й spelt into я, ю (қо-яды → қой).
    Glide,
}

#[derive(Clone, Copy, Debug)]
struct Cand {
    stem_end: usize,
    fix: Fix,
    pos: Pos,
    flags: u8,
    score: f32,
    chain: Chain,
}

/// A lower-case stem with a fix applied, on the stack.
struct StemBuf {
    buf: [u8; 128],
    len: usize,
}

impl StemBuf {
    fn make(stem: &str, fix: Fix) -> Option<StemBuf> {
        let mut b = StemBuf {
            buf: [0; 128],
            len: 0,
        };
        match fix {
            Fix::None => b.push(stem)?,
            Fix::Replace(s) => b.push(s)?,
            Fix::Devoice => {
                let last = stem.chars().next_back()?;
                b.push(&stem[..stem.len() - last.len_utf8()])?;
                b.push(phon::devoiced(last)?.encode_utf8(&mut [0; 4]))?;
            }
            Fix::Soft => {
                b.push(stem)?;
                b.push("ь")?;
            }
            Fix::Glide => {
                b.push(stem)?;
                b.push("й")?;
            }
            Fix::Vowel(h) => {
                b.push(stem)?;
                b.push(if h == Harmony::Back { "ы" } else { "і" })?;
            }
        }
        Some(b)
    }

    fn push(&mut self, s: &str) -> Option<()> {
        let end = self.len + s.len();
        self.buf
            .get_mut(self.len..end)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Some(())
    }

    /// The stem's bytes (UTF-8: it is made of `str` pieces), for look-ups
    /// that need no `str`.
    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// The lexicon entry of a lower-case stem, with the closed-class stems.
fn lookup(stem: &[u8]) -> Entry {
    let e = lexicon::entry(stem);
    if e.flags == 0 && closed::extra_stem(stem) {
        return Entry {
            flags: NOMINAL,
            freq: 6,
            verb_freq: 6,
        };
    }
    e
}

/// The entry of `stem` with `fix` applied.
fn lookup_fixed(stem: &str, fix: Fix) -> Option<Entry> {
    match fix {
        Fix::None => Some(lookup(stem.as_bytes())),
        Fix::Replace(s) => Some(lookup(s.as_bytes())),
        _ => StemBuf::make(stem, fix).map(|b| lookup(b.bytes())),
    }
}

/// Common stems first, then shorter ones (the dictionary lists some
/// inflected forms: мәселелер, кезін).
fn known_bonus(stem: &str, entry: Entry) -> f32 {
    // About 2 bytes a letter.
    let chars = (stem.len() / 2).min(20) as f32;
    -0.01 * chars + 0.15 * f32::from(entry.freq)
}

fn is_poss(m: Morpheme, person: Person) -> bool {
    matches!(m, Morpheme::Possessive { person: p, number: Number::Singular } if p == person)
}

fn starts_with_vowel(s: &str) -> bool {
    s.chars().next().is_some_and(phon::is_vowel)
}

fn has_vowel(s: &str) -> bool {
    s.chars().any(|c| phon::is_vowel(c) || c.is_ascii_digit())
}

/// The letter before a position of the word (see [`Search::last`]).
#[derive(Clone, Copy)]
enum Last {
    /// U+0400 plus this offset.
    Cyrillic(usize),
    Other(char),
    /// Nothing before the position.
    None,
}

struct Search<'w> {
    lower: &'w str,
    /// Whether the word was capitalised.
    capital: bool,
    whole: Entry,
    best: Option<Cand>,
    /// With a capitalised word, when asked: the best reading of the same
    /// letters not capitalised (`Some(None)`: none yet). The two differ
    /// only in how a reading is scored or tagged, never in what is tried.
    low: Option<Option<Cand>>,
    all: Option<Vec<Cand>>,
    /// 16 zero bytes, then the word (see [`WINDOW`]).
    window: [u8; WINDOW],
    /// 16 plus the word's length, or 0 for a word too long for the window.
    window_len: usize,
    /// The suffix forms by last letter (held to skip the `LazyLock`'s
    /// test on every look-up).
    by_last: &'static tables::ByLast,
}

impl<'w> Search<'w> {
    fn new(lower: &'w str, capital: bool, collect: bool) -> Self {
        let mut window = [0; WINDOW];
        let window_len = match window.get_mut(16..16 + lower.len()) {
            Some(w) => {
                w.copy_from_slice(lower.as_bytes());
                16 + lower.len()
            }
            None => 0,
        };
        Search {
            lower,
            capital,
            whole: lookup(lower.as_bytes()),
            best: None,
            low: None,
            all: collect.then(Vec::new),
            window,
            window_len,
            by_last: &tables::BY_LAST,
        }
    }

    fn offer(&mut self, cand: Cand) {
        if better(&cand, &self.best) {
            self.best = Some(cand);
        }
        if let Some(all) = &mut self.all {
            all.push(cand);
        }
    }

    /// Offers `cand`, and `low`, the same reading scored for the word not
    /// capitalised, to the search of that word (if asked for).
    /// `low` is `cand` with the score and part of speech given (made only
    /// when the search of the lower-case word was asked for).
    fn offer_both(&mut self, cand: Cand, score_low: f32, pos_low: Pos) {
        if let Some(best) = &mut self.low {
            let low = Cand {
                score: score_low,
                pos: pos_low,
                ..cand
            };
            if better(&low, best) {
                *best = Some(low);
            }
        }
        self.offer(cand);
    }

    /// The forms of `slot` that end in the letter before `end` (the search
    /// reads the letter once with [`Search::last`]; a test compares this).
    #[cfg(test)]
    fn forms(&self, slot: Slot, end: usize) -> &'static [&'static Form] {
        self.forms_after(slot, self.last(end))
    }

    /// The letter before `end`, read once for the forms of several slots.
    #[inline]
    fn last(&self, end: usize) -> Last {
        // A letter U+0400–U+04FF is two bytes, the first 0xD0–0xD3 (never
        // a continuation byte): its offset from U+0400 is read off them.
        if let Some(&[a, b]) = end
            .checked_sub(2)
            .and_then(|start| self.lower.as_bytes().get(start..end))
        {
            if (0xD0..=0xD3).contains(&a) {
                return Last::Cyrillic((usize::from(a & 0x03) << 6) | usize::from(b & 0x3F));
            }
        }
        match self.lower.get(..end).and_then(|t| t.chars().next_back()) {
            Some(c) => Last::Other(c),
            None => Last::None,
        }
    }

    /// The forms of `slot` that end in `last`.
    #[inline]
    fn forms_after(&self, slot: Slot, last: Last) -> &'static [&'static Form] {
        match last {
            Last::Cyrillic(offset) => self.by_last.ending_in_cyrillic(slot, offset),
            Last::Other(c) => tables::ending_in(slot, c),
            Last::None => &[],
        }
    }

    /// Whether the word's bytes before `end` end with `form`'s text, when
    /// one step tells: the last 16 bytes of the form against the 16 bytes
    /// of the window before `end` (zeros before the word, which no form
    /// has). `None` when the word is too long for the window or the form
    /// longer than 16 bytes.
    #[inline]
    fn ends_with_form(&self, end: usize, form: &Form) -> Option<bool> {
        if end + 16 > self.window_len {
            return None;
        }
        let mut w = [0; 16];
        w.copy_from_slice(&self.window[end..end + 16]);
        let equal = (u128::from_le_bytes(w) ^ form.tail) & form.tail_mask == 0;
        if !equal {
            Some(false)
        } else if form.text.len() <= 16 {
            Some(true)
        } else {
            None
        }
    }

    /// The start of `form` when the word before `end` ends with it and the
    /// sound and harmony before it allow it.
    #[inline]
    fn matches(&self, end: usize, form: &Form) -> Option<usize> {
        match self.ends_with_form(end, form) {
            Some(false) => None,
            Some(true) => self.allowed_before(end - form.text.len(), form),
            None => self.matches_in_full(end, form),
        }
    }

    /// [`Search::matches`] without the window.
    #[inline(never)]
    fn matches_in_full(&self, end: usize, form: &Form) -> Option<usize> {
        let text = self.lower.get(..end)?;
        if !phon::ends_with(text, &form.text) {
            return None;
        }
        self.allowed_before(end - form.text.len(), form)
    }

    /// `Some(start)` when the sound and harmony of the word before `start`
    /// allow `form` after them.
    #[inline(never)]
    fn allowed_before(&self, start: usize, form: &Form) -> Option<usize> {
        let prev = self.lower.get(..start)?;
        if prev.is_empty()
            || phon::final_class(prev) & form.after == 0
            || !phon::harmony_agrees(prev, form.harmony)
        {
            return None;
        }
        Some(start)
    }

    /// Nominal chains: `min_slot` 0 allows case, 1 possessive, 2 plural, 3
    /// nothing more.
    fn nominal(&mut self, end: usize, min_slot: u8, need: Need, no_poss3: bool, chain: &mut Chain) {
        if need == Need::None {
            self.stem_found(end, chain);
        }
        let last = self.last(end);
        for (index, slot) in [Slot::Case, Slot::Possessive, Slot::Plural]
            .into_iter()
            .enumerate()
        {
            if (index as u8) < min_slot || (need != Need::None && slot != Slot::Possessive) {
                continue;
            }
            for form in self.forms_after(slot, last) {
                match need {
                    Need::None if no_poss3 && is_poss(form.morpheme, Person::Third) => continue,
                    Need::None => {}
                    Need::Poss3 if is_poss(form.morpheme, Person::Third) => {}
                    Need::Poss12
                        if is_poss(form.morpheme, Person::First)
                            || is_poss(form.morpheme, Person::Second) => {}
                    _ => continue,
                }
                let Some(start) = self.matches(end, form) else {
                    continue;
                };
                let piece = Piece::of(form, start, end);
                if !chain.push(piece) {
                    continue;
                }
                let next = match (slot, form.morpheme) {
                    (Slot::Case, Morpheme::Temporal) => 3,
                    (Slot::Case, _) => 1,
                    (Slot::Possessive, _) => 2,
                    _ => 3,
                };
                // After a possessive, dative, accusative, locative and
                // ablative take their n-forms: облысы-на, not облысы-ға.
                let regular_case = form.need == Need::None
                    && matches!(
                        form.morpheme,
                        Morpheme::Attributive
                            | Morpheme::Similative
                            | Morpheme::Case(
                                Case::Dative | Case::Accusative | Case::Locative | Case::Ablative
                            )
                    );
                self.nominal(start, next, form.need, regular_case, chain);
                chain.pop();
            }
        }
    }

    /// A nominal stem ends at `end`: score it, and try verb endings before it.
    fn stem_found(&mut self, end: usize, chain: &mut Chain) {
        self.offer_nominal(end, chain);
        if chain.has(|m| m == Morpheme::Temporal) {
            return;
        }
        let last = self.last(end);
        // Ordinals of number words.
        for form in self.forms_after(Slot::Ordinal, last) {
            if let Some(start) = self.matches(end, form) {
                let stem = &self.lower[..start];
                let fix = if closed::number_word(stem) {
                    Fix::None
                } else if let Some(full) = closed::vowel_drop(stem) {
                    Fix::Replace(full)
                } else {
                    continue;
                };
                let mut c = *chain;
                c.push(Piece {
                    start: start as u16,
                    end: end as u16,
                    morpheme: Morpheme::Ordinal,
                    strength: 3,
                });
                let cand = Cand {
                    stem_end: start,
                    fix,
                    pos: Pos::Nominal,
                    flags: NOMINAL,
                    score: 12.0,
                    chain: c,
                };
                self.offer_both(cand, cand.score, cand.pos);
            }
        }
        for form in self.forms_after(Slot::Deverbal, last) {
            // A bare gerund, or one with the plural, is a noun (даму,
            // жаттығулар); with a case ending, a verb (дамуының → даму? no:
            // табуға → тап).
            if form.morpheme == Morpheme::Verbal(VerbForm::Gerund) && chain.len == 0 {
                // The bare gerund of a one-syllable root is the verb's
                // citation form (алу, көру, оқу керек → ал, көр, оқы);
                // action nouns are made from longer stems (даму, зерттеу).
                if let Some(start) = self.matches(end, form) {
                    if self.bare_gerund_is_verb(start) {
                        let mut piece = Piece::of(form, start, end);
                        piece.strength = 2;
                        if chain.push(piece) {
                            self.offer_verb(start, chain, form.append);
                            chain.pop();
                        }
                    }
                }
                continue;
            }
            if form.morpheme == Morpheme::Verbal(VerbForm::Gerund)
                && chain.has(|m| m == Morpheme::Plural)
            {
                continue;
            }
            if let Some(start) = self.matches(end, form) {
                if chain.push(Piece::of(form, start, end)) {
                    self.verb_core(start, chain, form.append);
                    chain.pop();
                }
            }
        }
        if chain.len == 0 {
            for form in self.forms_after(Slot::Finite, last) {
                if let Some(start) = self.matches(end, form) {
                    if chain.push(Piece::of(form, start, end)) {
                        self.verb_core(start, chain, form.append);
                        chain.pop();
                    }
                }
            }
        }
    }

    /// Verb stem before `end`, with optional negation and passive.
    fn verb_core(&mut self, end: usize, chain: &mut Chain, append: Append) {
        self.offer_verb(end, chain, append);
        let last = self.last(end);
        for form in self.forms_after(Slot::Negation, last) {
            if let Some(start) = self.matches(end, form) {
                if chain.push(Piece::of(form, start, end)) {
                    self.offer_verb(start, chain, Append::None);
                    self.passive(start, self.last(start), chain);
                    chain.pop();
                }
            }
        }
        if append == Append::None {
            self.passive(end, last, chain);
        }
    }

    /// A passive before `end`, where `last` is the letter before it.
    fn passive(&mut self, end: usize, last: Last, chain: &mut Chain) {
        for form in self.forms_after(Slot::Passive, last) {
            if let Some(start) = self.matches(end, form) {
                if self.vowel_shadows(start) {
                    continue;
                }
                if chain.push(Piece::of(form, start, end)) {
                    self.offer_verb(start, chain, Append::None);
                    chain.pop();
                }
            }
        }
    }

    fn offer_verb(&mut self, end: usize, chain: &Chain, append: Append) {
        let stem = &self.lower[..end];
        if stem.is_empty() || !has_vowel(stem) {
            return;
        }
        // The stem's harmony, needed only for a guessed vowel (most stems
        // try none): read when asked.
        let harmony = || phon::harmony(stem).unwrap_or(Harmony::Back);
        let vowel_first = chain.leftmost().is_some_and(|p| {
            starts_with_vowel(&self.lower[usize::from(p.start)..usize::from(p.end)])
        });
        let mut options: [Option<Fix>; 3] = [None; 3];
        if append == Append::Vowel {
            options[0] = Some(Fix::Vowel(harmony()));
        } else if append == Append::Glide {
            options[0] = Some(Fix::Glide);
        } else {
            if vowel_first && stem.ends_with(['г', 'ғ', 'б']) {
                options[0] = Some(Fix::Devoice);
            }
            options[1] = Some(Fix::None);
            let gerund = chain
                .leftmost()
                .is_some_and(|p| p.morpheme == Morpheme::Verbal(VerbForm::Gerund));
            if gerund && !stem.ends_with(|c: char| phon::is_vowel(c)) {
                options[2] = Some(Fix::Vowel(harmony()));
            }
        }
        if chain.leftmost().is_some_and(|p| {
            p.morpheme == Morpheme::Verbal(VerbForm::Desiderative)
                && self.desiderative_is_nominal(usize::from(p.start))
        }) {
            return;
        }
        let mut chosen = None;
        // Each option's entry as looked up, for the unknown case below.
        let mut looked: [Option<Option<Entry>>; 3] = [None; 3];
        for (i, fix) in options.into_iter().enumerate() {
            let Some(fix) = fix else { continue };
            let found = lookup_fixed(stem, fix);
            looked[i] = Some(found);
            let Some(entry) = found else {
                continue;
            };
            if entry.flags & VERB != 0 {
                chosen = Some((fix, entry));
                break;
            }
        }
        if chosen.is_none() {
            // Unknown: the first option that is not a guessed vowel (all
            // options were looked up above).
            let first = options.into_iter().enumerate().find_map(|(i, f)| {
                f.filter(|f| append != Append::None || !matches!(f, Fix::Vowel(_)))
                    .map(|f| (i, f))
            });
            let (fix, found) = match first {
                Some((i, fix)) => (fix, looked[i].unwrap_or_else(|| lookup_fixed(stem, fix))),
                None => (Fix::None, lookup_fixed(stem, Fix::None)),
            };
            chosen = Some((fix, found.unwrap_or_default()));
        }
        let Some((fix, entry)) = chosen else { return };
        let flags = entry.flags;
        let passive = chain.has(|m| m == Morpheme::Verbal(VerbForm::Passive));
        let (score, score_low) = if flags & VERB != 0 {
            // Ranked by the stem's uses as a verb (the verb жас is rare,
            // the adjective common).
            let as_verb = Entry {
                freq: entry.verb_freq,
                ..entry
            };
            let mut s = 10.05 + known_bonus(stem, as_verb);
            let chars = if stem.chars().nth(2).is_some() { 3 } else { 2 };
            if passive && chars >= 3 {
                s += 0.5;
            } else if passive {
                s -= 0.5;
            }
            // A gerund with a case ending is a verb in UD (табуға → тап).
            let gerund = chain
                .iter()
                .any(|p| p.morpheme == Morpheme::Verbal(VerbForm::Gerund));
            if gerund && !gerund_is_noun(stem, entry) {
                s += 0.5;
            }
            let mut verbal = chain
                .iter()
                .filter(|p| matches!(p.morpheme, Morpheme::Verbal(_)))
                .map(|p| p.strength)
                .max()
                .unwrap_or(0);
            // An ending spelt into a known verb's ы/і or й (дами ← дамы-й,
            // қоя ← қой-а) is as sure as a strong one: no noun ends so
            // after such a stem.
            if append != Append::None {
                verbal = verbal.max(2);
            }
            s += 0.1 * f32::from(verbal);
            // A converb in -а/-е/-й alone that the dictionary lists as a
            // nominal, when its verb is used at least eight times as often
            // (three buckets: пайдалана, тарай), scores as a weak ending,
            // not as a weak ending alone; adverbs and postpositions made
            // from converbs are as common as their verbs (қоса, қайта), and
            // a capitalised word is rather a name (Шақа).
            let rare_nominal_low = chain.len == 1
                && chain.has(|m| m == Morpheme::Verbal(VerbForm::Converb))
                && self.whole.flags & (VERB | PROPER) == 0
                && self.whole.flags & NOMINAL != 0
                && self.whole.freq.saturating_add(3) <= entry.verb_freq;
            let finish = |mut s: f32, rare_nominal: bool| {
                if chars >= 3 && verbal == 0 && rare_nominal {
                    s -= 0.3;
                } else if verbal == 0 || (chars <= 2 && verbal < 2) {
                    s -= 1.0;
                } else if verbal == 1 {
                    s -= 0.3;
                }
                s
            };
            (
                finish(s, !self.capital && rare_nominal_low),
                finish(s, rare_nominal_low),
            )
        } else if flags != 0 {
            // A stem the dictionary lists as a nominal only, with an
            // ending no nominal takes (қыл-ып, жүгір-іп): many verbs are
            // listed so, as bare stems. Not the past, whose -дық/-тік is
            // also the adjectival -лық (өнеркәсіптік).
            let verbal = chain
                .iter()
                .filter(|p| matches!(p.morpheme, Morpheme::Verbal(v) if v != VerbForm::Past))
                .map(|p| p.strength)
                .max()
                .unwrap_or(0);
            let only_verbal = chain
                .iter()
                .all(|p| matches!(p.morpheme, Morpheme::Verbal(_)));
            let s = if verbal >= 2 && stem.chars().nth(2).is_some() {
                // Above an unknown stem with the same ending (ері-ме-йді,
                // not еріме-йді), when nothing nominal follows.
                if only_verbal {
                    5.1
                } else {
                    4.5
                }
            } else {
                3.0
            };
            (s, s)
        } else {
            if stem.chars().nth(1).is_none() {
                return;
            }
            let base = match chain.strength() {
                3.. => 5.0,
                2 => 3.5,
                1 => 2.0,
                _ => 1.0,
            };
            let s = if passive { base - 0.2 } else { base };
            (s, s)
        };
        let cand = Cand {
            stem_end: end,
            fix,
            pos: Pos::Verb,
            flags,
            score,
            chain: *chain,
        };
        self.offer_both(cand, score_low, cand.pos);
    }

    /// Whether a passive -л/-н after a stem's ы/і (`lower[..start]`)
    /// should give way to -ыл/-ын after the consonant stem: аш-ыл-ды, not
    /// ашы-л-ды, when both аш and ашы are verbs. The consonant stem is
    /// the commoner verb of such pairs, and the dictionary lists the
    /// vowel stem only from a causative (ашыту).
    fn vowel_shadows(&self, start: usize) -> bool {
        let stem = &self.lower[..start];
        match stem.strip_suffix('ы').or_else(|| stem.strip_suffix('і')) {
            Some(root) if !root.is_empty() => lookup(root.as_bytes()).flags & VERB != 0,
            _ => false,
        }
    }

    /// Whether the desiderative starting at `start` is the adjectival -ғы
    /// of a nominal of the lexicon with a possessive (жарғы-сы, not
    /// жар-ғысы).
    fn desiderative_is_nominal(&self, start: usize) -> bool {
        // -ғы, -гі, -қы, -кі: two letters of two bytes.
        self.lower
            .get(..start + 4)
            .is_some_and(|s| lookup(s.as_bytes()).flags & NOMINAL != 0)
    }

    /// Whether a bare gerund whose -у starts at `start` is read as its
    /// verb: the stem before -у has one syllable and ends in a consonant,
    /// and its verb ([`gerund_stem_verb`]) is a common verb of the lexicon
    /// whose gerund is not mainly a noun.
    fn bare_gerund_is_verb(&self, start: usize) -> bool {
        let stem = &self.lower[..start];
        let vowels = stem.chars().filter(|&c| phon::is_vowel(c)).count();
        if vowels != 1 || stem.ends_with(|c: char| phon::is_vowel(c) || c == 'й') {
            return false;
        }
        gerund_stem_verb(stem)
            .is_some_and(|(_, verb)| verb.verb_freq >= COMMON_VERB && !gerund_is_noun(stem, verb))
    }

    /// A nominal entry for `stem` when it is the gerund in -у of a known
    /// verb (зертте-у, оқ-у of оқы), ranked by the verb's uses.
    fn gerund_of_verb(&self, stem: &str) -> Option<Entry> {
        let root = stem.strip_suffix('у')?;
        // Two letters at least.
        root.chars().nth(1)?;
        let harmony = phon::harmony(root).unwrap_or(Harmony::Back);
        [Fix::None, Fix::Vowel(harmony)]
            .into_iter()
            .filter_map(|fix| lookup_fixed(root, fix))
            .find(|e| e.flags & VERB != 0)
            .map(|e| Entry {
                flags: NOMINAL,
                freq: e.verb_freq,
                verb_freq: e.verb_freq,
            })
    }

    fn offer_nominal(&mut self, end: usize, chain: &Chain) {
        let stem = &self.lower[..end];
        let chars = if stem.chars().nth(2).is_some() {
            3
        } else {
            stem.chars().count()
        };
        if chain.len > 0 && (chars < 2 || !has_vowel(stem)) {
            return;
        }
        let vowel_first = chain.leftmost().is_some_and(|p| {
            starts_with_vowel(&self.lower[usize::from(p.start)..usize::from(p.end)])
        });
        let mut options: [Option<Fix>; 4] = [None; 4];
        if vowel_first {
            if stem.ends_with(['г', 'ғ', 'б']) {
                options[0] = Some(Fix::Devoice);
            }
            if let Some(full) = closed::vowel_drop(stem) {
                options[1] = Some(Fix::Replace(full));
            }
            if stem.ends_with(['л', 'р', 'н', 'т', 'д', 'с']) {
                options[3] = Some(Fix::Soft);
            }
        }
        options[2] = Some(Fix::None);
        let mut found = None;
        for fix in options.into_iter().flatten() {
            let entry = if fix == Fix::None && chain.len == 0 {
                self.whole
            } else {
                match lookup_fixed(stem, fix) {
                    Some(e) => e,
                    None => continue,
                }
            };
            if entry.flags != 0 {
                found = Some((fix, entry));
                break;
            }
        }
        let (fix, entry) = found.unwrap_or_else(|| {
            // Unknown: the productive alternation after a vowel.
            let devoice = vowel_first
                && stem.ends_with(['г', 'ғ'])
                && stem
                    .chars()
                    .rev()
                    .nth(1)
                    .is_some_and(|c| phon::is_vowel(c) || matches!(c, 'р' | 'л' | 'й'));
            (
                if devoice { Fix::Devoice } else { Fix::None },
                Entry::default(),
            )
        });
        // A gerund with the plural is an action noun (зерттеу-лер,
        // жаттығу-лар): known when its verb is.
        let entry = if entry.flags == 0 && chain.has(|m| m == Morpheme::Plural) {
            self.gerund_of_verb(stem).unwrap_or(entry)
        } else {
            entry
        };
        let flags = entry.flags;
        let personal = chain.has(|m| is_poss(m, Person::First) || is_poss(m, Person::Second));
        let temporal = chain.has(|m| m == Morpheme::Temporal);
        // -дай after a known stem ranks below the word listed whole
        // (бірдей) and below a known verb's converb in -й (дәлелде-й,
        // not дәлел-дей).
        let similative = chain.has(|m| m == Morpheme::Similative);
        let score = if flags & (NOMINAL | PROPER) != 0 {
            if chain.len == 0 {
                if flags & LEXICALISED != 0 {
                    12.0
                } else {
                    9.8 + 0.15 * f32::from(entry.freq)
                }
            } else if temporal || similative {
                9.0
            } else if personal {
                7.5
            } else {
                10.0 + known_bonus(stem, entry)
            }
        } else if flags != 0 {
            if chain.len == 0 {
                6.0
            } else {
                4.0
            }
        } else if chain.len == 0 {
            3.0
        } else if temporal {
            return;
        } else {
            // After a loan's -ия (Индонезия-ны, Ассирия-ны) the accusative
            // is as sure as a strong ending: no stem ends in -ияны.
            let loan_accusative = chain.len == 1
                && chain.has(|m| m == Morpheme::Case(Case::Accusative))
                && stem.ends_with("ия");
            let strength = if loan_accusative { 3 } else { chain.strength() };
            let s = match strength {
                3.. => 5.0,
                2 => 4.0,
                _ => 2.5,
            };
            if personal {
                s - 1.0
            } else {
                s
            }
        };
        let pos = |capital: bool| {
            if flags & PROPER != 0 && (capital || flags & NOMINAL == 0) {
                Pos::Proper
            } else {
                Pos::Nominal
            }
        };
        let cand = Cand {
            stem_end: end,
            fix,
            pos: pos(self.capital),
            flags,
            score,
            chain: *chain,
        };
        self.offer_both(cand, cand.score, pos(false));
    }
}

/// Whether `a` wins a tie of scores against `b`: the longer stem, but of
/// two unknown nominal stems the shorter one, which strips a plural or
/// possessive more (жасуша-лар-дың, not жасушалар-дың; жасуша-сы-нда, not
/// жасушас-ы-нда).
/// Whether `cand` beats `best`: a higher score, or an equal one that wins
/// the tie.
fn better(cand: &Cand, best: &Option<Cand>) -> bool {
    match best {
        None => true,
        Some(b) => cand.score > b.score || (cand.score == b.score && ties_to(cand, b)),
    }
}

fn ties_to(a: &Cand, b: &Cand) -> bool {
    let unknown = |c: &Cand| c.flags == 0 && c.pos != Pos::Verb;
    if unknown(a) && unknown(b) {
        a.stem_end < b.stem_end
    } else {
        a.stem_end > b.stem_end
    }
}

/// What to do with a word before the search.
#[derive(Clone, Copy)]
enum Shortcut {
    /// The lemma is `word[..end]` (digits, abbreviations with an ending).
    Prefix(usize, Pos),
    /// The word is its own lemma.
    Whole(Pos),
    /// A closed-class form with this lemma.
    Irregular(&'static str),
    /// Search the analysis of `word[start..end]`, the head of a multiword
    /// token: its last word before trailing particles and auxiliaries
    /// (`келген жоқ`, `пайда болды`, `қол қойды да`). The lemma keeps
    /// the words before the head as written (`пайда бол`).
    Part(usize, usize),
    /// Search.
    Search,
}

fn is_upper_letter(c: char) -> bool {
    letters::is_upper(c)
}

fn shortcut(word: &str, lower: &str) -> Shortcut {
    let Some(first) = word.chars().next() else {
        return Shortcut::Whole(Pos::Other);
    };
    if first.is_ascii_digit() || first == '%' {
        // 55-ші → 55, 15%-ға → 15%, %-ін → %.
        return match word.find('-') {
            Some(i) if word[i + 1..].chars().next().is_some_and(letters::is_letter) => {
                Shortcut::Prefix(i, Pos::Number)
            }
            _ => Shortcut::Whole(Pos::Number),
        };
    }
    if !letters::is_letter(first) {
        return Shortcut::Whole(Pos::Other);
    }
    // One pass for both bytes: most words have neither.
    let (mut space, mut hyphen) = (false, false);
    for &b in word.as_bytes() {
        space |= b == b' ';
        hyphen |= b == b'-';
    }
    if space {
        let (start, end) = head_of_phrase(lower);
        return Shortcut::Part(start, end);
    }
    if let Some(i) = hyphen.then(|| word.rfind('-')).flatten() {
        let head = &word[..i];
        let tail = &word[i + 1..];
        let abbreviation = head.chars().count() >= 2
            && head
                .chars()
                .all(|c| is_upper_letter(c) || c.is_ascii_digit())
            || head.chars().any(|c| c.is_ascii_alphabetic()) && !tail.is_empty();
        if abbreviation
            && tail.chars().count() <= 6
            && tail.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
        {
            return Shortcut::Prefix(i, Pos::Proper);
        }
    }
    if !word.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}')) {
        return Shortcut::Whole(Pos::Other);
    }
    if word.chars().nth(1).is_some()
        && word
            .chars()
            .all(|c| letters::is_upper(c) || !letters::is_letter(c))
    {
        // An all-capital acronym: ҚР, АҚШ, ЕО.
        return Shortcut::Whole(Pos::Proper);
    }
    match closed::lookup(lower) {
        Some(closed::Closed::Irregular(lemma)) => Shortcut::Irregular(lemma),
        Some(closed::Closed::Invariant) => Shortcut::Whole(Pos::Other),
        None => Shortcut::Search,
    }
}

/// The byte range of the head of a multiword token (`lower` has spaces):
/// the last word that is not a trailing particle or auxiliary (nor a
/// progressive auxiliary after a converb in -п, -а, -е, -й: айтып отыр,
/// бара жатыр), or the first word when all after it are. One pass from
/// the right over the token.
fn head_of_phrase(lower: &str) -> (usize, usize) {
    let mut end = lower.len();
    loop {
        let Some(space) = lower[..end].rfind(' ') else {
            return (0, end);
        };
        let last = &lower[space + 1..end];
        let progressive =
            closed::progressive(last) && lower[..space].ends_with(['п', 'а', 'е', 'й']);
        if !closed::trailing_particle(last) && !progressive {
            return (space + 1, end);
        }
        end = space;
    }
}

/// The lemma of a candidate, borrowing from `word` when possible.
/// `capitals` is false when the caller knows that `word` has no capital
/// letter ([`letters::has_upper`]), so that its stem is not read again.
fn render<'w>(word: &'w str, lower: &str, cand: &Cand, capitals: bool) -> Cow<'w, str> {
    let stem = &word[..cand.stem_end];
    let capital = capitals && word.chars().next().is_some_and(letters::is_upper);
    let keep_case = capital && (cand.pos == Pos::Proper || cand.flags == 0);
    match cand.fix {
        Fix::None => {
            // `has_upper` reads ASCII and Cyrillic as bytes.
            if keep_case || !capitals || !letters::has_upper(stem) {
                Cow::Borrowed(stem)
            } else {
                Cow::Owned(lower[..cand.stem_end].to_owned())
            }
        }
        fix => {
            let base = if keep_case {
                stem
            } else {
                &lower[..cand.stem_end]
            };
            let Some(buf) = StemBuf::make(base, fix) else {
                return Cow::Borrowed(stem);
            };
            let mut s = buf.as_str().to_owned();
            if keep_case {
                if let Fix::Replace(_) = fix {
                    s = capitalise(&s);
                }
            }
            Cow::Owned(s)
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Runs the search over `lower[..end]`.
fn run<'l>(lower: &'l str, capital: bool, collect: bool) -> Search<'l> {
    let mut s = Search::new(lower, capital, collect);
    search(&mut s);
    s
}

/// Runs the search `s` was set up for.
fn search(s: &mut Search<'_>) {
    if s.lower.len() > MAX_WORD {
        return;
    }
    let mut chain = Chain::new();
    s.nominal(s.lower.len(), 0, Need::None, false, &mut chain);
}

pub(crate) fn lemma(word: &str) -> Cow<'_, str> {
    super::memo::split_and_lemma(word, split_and_lemma_uncached).1
}

/// Whether the stem with -у is a noun of the lexicon used mostly as such:
/// a nominal entry seen in KazNERD at least four times as often (two
/// frequency buckets) as the forms of its verb `verb` (ауру 'illness'
/// beside ауыр-, қолдау 'support'). A gerund listed only because it is
/// frequent (алу beside ал) stays a verb form, so that алуға, алуын are ал.
fn gerund_is_noun(stem: &str, verb: Entry) -> bool {
    StemBuf::make(stem, Fix::None)
        .and_then(|mut b| b.push("у").map(|()| b))
        .is_some_and(|b| {
            let e = lookup(b.bytes());
            e.flags & NOMINAL != 0 && e.freq >= verb.freq.saturating_add(2)
        })
}

/// The verb whose gerund has the stem `root` (the part before -у): `root`
/// itself (devoiced: таб-у → тап, шығ-у → шық) or, after a consonant, the
/// same with ы/і (оқ-у → оқы), when exactly one of these is a verb of the
/// lexicon (not both, as дам and дамы of `даму`); with its fix and entry.
fn gerund_stem_verb(root: &str) -> Option<(Fix, Entry)> {
    let verb = |fix: Fix| {
        lookup_fixed(root, fix)
            .filter(|e| e.flags & VERB != 0)
            .map(|e| (fix, e))
    };
    let plain = verb(Fix::None).or_else(|| {
        root.ends_with(['г', 'ғ', 'б'])
            .then(|| verb(Fix::Devoice))
            .flatten()
    });
    let harmony = phon::harmony(root).unwrap_or(Harmony::Back);
    let vowel = (!root.ends_with(|c: char| phon::is_vowel(c)))
        .then(|| verb(Fix::Vowel(harmony)))
        .flatten();
    match (plain, vowel) {
        (Some(found), None) | (None, Some(found)) => Some(found),
        _ => None,
    }
}

/// The verb of a bare gerund in -у (`сақтау` → `сақта`, `табу` → `тап`,
/// `оқу` → `оқы`, see [`gerund_stem_verb`]), unless the gerund is mainly a
/// noun of the lexicon ([`gerund_is_noun`]: ауру 'illness' stays). Lower
/// case. `None` for a word that is no gerund of a known verb.
pub(crate) fn gerund_verb(word: &str) -> Option<String> {
    let lower = letters::fold_lower(word);
    let root = lower.strip_suffix('у')?;
    // Two letters and a vowel at least (not су, ту).
    if root.chars().nth(1).is_none() || !root.chars().any(phon::is_vowel) {
        return None;
    }
    let (fix, verb) = gerund_stem_verb(root)?;
    if gerund_is_noun(root, verb) {
        return None;
    }
    StemBuf::make(root, fix).map(|b| b.as_str().to_owned())
}

/// The lemma without the memo.
// The library goes through `lemma_after`; the tests compare this whole
// path with the memoized one.
#[cfg(test)]
pub(crate) fn lemma_uncached(word: &str) -> Cow<'_, str> {
    let lower = letters::fold_lower(word);
    let cut = shortcut(word, &lower);
    lemma_after(word, lower, cut)
}

/// [`lemma_uncached`] given the word's [`letters::fold_lower`] and its
/// [`shortcut`].
fn lemma_after<'w>(word: &'w str, lower: Cow<'w, str>, cut: Shortcut) -> Cow<'w, str> {
    match cut {
        Shortcut::Prefix(end, _) => Cow::Borrowed(&word[..end]),
        Shortcut::Whole(pos) => {
            if pos == Pos::Other && word.chars().next().is_some_and(letters::is_upper) {
                // A capitalised function word (Бірақ): lower case.
                if let Cow::Owned(s) = lower {
                    if closed::invariant(&s) {
                        return Cow::Owned(s);
                    }
                }
            }
            Cow::Borrowed(word)
        }
        Shortcut::Irregular(lemma) => Cow::Borrowed(lemma),
        Shortcut::Part(start, end) => {
            let head = lemma_of(&word[start..end], &lower[start..end]);
            if start == 0 {
                head
            } else {
                Cow::Owned(format!("{}{head}", &word[..start]))
            }
        }
        Shortcut::Search => lemma_of(word, &lower),
    }
}

fn lemma_of<'w>(word: &'w str, lower: &str) -> Cow<'w, str> {
    let capital = word.chars().next().is_some_and(letters::is_upper);
    if let Some(closed::Closed::Irregular(lemma)) = closed::lookup(lower) {
        return Cow::Borrowed(lemma);
    }
    let s = run(lower, capital, false);
    match &s.best {
        Some(best) => render(word, lower, best, true),
        None => Cow::Borrowed(word),
    }
}

pub(crate) fn split_case(word: &str) -> (usize, Case) {
    super::memo::split_case(word, split_case_uncached)
}

/// Both [`split_case`] and [`lemma`] of `word`, with one search of the
/// suffix graph where each alone would run one (a word seen for the first
/// time), memoized together: equal to calling both.
pub(crate) fn split_and_lemma(word: &str) -> ((usize, Case), Cow<'_, str>) {
    super::memo::split_and_lemma(word, split_and_lemma_uncached)
}

/// [`split_and_lemma`] without the memo.
fn split_and_lemma_uncached(word: &str) -> ((usize, Case), Cow<'_, str>) {
    let lower = letters::fold_lower(word);
    let cut = shortcut(word, &lower);
    // `shortcut` answers `Search` only for a word that `closed::lookup`
    // does not know (neither irregular nor invariant).
    if matches!(cut, Shortcut::Search) {
        // A capital makes `fold_lower` copy the word.
        let capital =
            matches!(lower, Cow::Owned(_)) && word.chars().next().is_some_and(letters::is_upper);
        let mut s = Search::new(&lower, capital, false);
        // A capitalised word's letters in lower case (`Астанада`:
        // `астанада`), which the tagger asks for next: the same search
        // scores its readings both ways, and the memo keeps both, when the
        // lower-case word would be searched as such.
        let low = capital
            && matches!(lower, Cow::Owned(_))
            && !letters::has_upper(&lower)
            && matches!(shortcut(&lower, &lower), Shortcut::Search);
        if low {
            s.low = Some(None);
        }
        search(&mut s);
        if let Some(best) = &s.low {
            let split = match best {
                Some(b) if b.pos != Pos::Verb => case_start(b, lower.len()),
                _ => (lower.len(), Case::Nominative),
            };
            let lemma = match best {
                // `low` holds only for a lower-case word without capitals.
                Some(b) => render(&lower, &lower, b, false),
                None => Cow::Borrowed(&*lower),
            };
            super::memo::remember(&lower, split, &lemma);
        }
        let split = match &s.best {
            Some(best) if best.pos != Pos::Verb => case_start(best, word.len()),
            _ => (word.len(), Case::Nominative),
        };
        let lemma = match &s.best {
            // `fold_lower` borrows exactly a word without capitals.
            Some(best) => render(word, &lower, best, matches!(lower, Cow::Owned(_))),
            None => Cow::Borrowed(word),
        };
        return (split, lemma);
    }
    // The other shortcuts: the word's lower case and shortcut as found.
    (
        split_case_after(word, &lower, cut),
        lemma_after(word, lower, cut),
    )
}

pub(crate) fn split_case_uncached(word: &str) -> (usize, Case) {
    let lower = letters::fold_lower(word);
    split_case_after(word, &lower, shortcut(word, &lower))
}

/// [`split_case_uncached`] given the word's [`letters::fold_lower`] and
/// its [`shortcut`].
fn split_case_after(word: &str, lower: &str, cut: Shortcut) -> (usize, Case) {
    match cut {
        Shortcut::Prefix(end, _) => {
            let tail = &lower[end..];
            let case = tail_case(tail.trim_start_matches('-'));
            if case == Case::Nominative {
                (word.len(), case)
            } else {
                (end, case)
            }
        }
        Shortcut::Search => {
            let capital = word.chars().next().is_some_and(letters::is_upper);
            let s = run(lower, capital, false);
            match &s.best {
                Some(best) if best.pos != Pos::Verb => case_start(best, word.len()),
                _ => (word.len(), Case::Nominative),
            }
        }
        _ => (word.len(), Case::Nominative),
    }
}

/// The start of the outermost case ending of a candidate.
fn case_start(cand: &Cand, len: usize) -> (usize, Case) {
    // Pieces are right to left: the first case-like piece found from the
    // right is the outermost.
    for p in cand.chain.iter() {
        let case = match p.morpheme {
            Morpheme::Case(c) => c,
            Morpheme::Attributive => Case::Locative,
            _ => continue,
        };
        return (usize::from(p.start), case);
    }
    (len, Case::Nominative)
}

/// The case of an ending after a hyphen (`-ның`, `-ға`), whatever the stem.
fn tail_case(tail: &str) -> Case {
    let mut best = (0, Case::Nominative);
    for form in BY_SLOT[Slot::Case as usize].iter() {
        if tail.ends_with(form.text.as_str()) && form.text.len() > best.0 {
            let case = match form.morpheme {
                Morpheme::Case(c) => c,
                Morpheme::Attributive => Case::Locative,
                _ => continue,
            };
            // A lone -н, -а is too weak to call after a hyphen.
            if form.text.chars().count() >= 2 {
                best = (form.text.len(), case);
            }
        }
    }
    best.1
}

pub(crate) fn analyze(word: &str) -> Vec<Analysis<'_>> {
    let lower = letters::fold_lower(word);
    let whole = |pos: Pos| Analysis {
        stem: word,
        lemma: Cow::Borrowed(word),
        pos,
        suffixes: Vec::new(),
        confidence: 1.0,
    };
    let (start, part, lower_part) = match shortcut(word, &lower) {
        Shortcut::Prefix(end, pos) => {
            let rest = &word[end..];
            let tail = rest.trim_start_matches('-');
            let morpheme = match tail_case(&lower[word.len() - tail.len()..]) {
                Case::Nominative => {
                    if tail.ends_with("ші") || tail.ends_with("шы") {
                        Morpheme::Ordinal
                    } else {
                        Morpheme::Possessive {
                            person: Person::Third,
                            number: Number::Singular,
                        }
                    }
                }
                case => Morpheme::Case(case),
            };
            return vec![Analysis {
                stem: &word[..end],
                lemma: Cow::Borrowed(&word[..end]),
                pos,
                suffixes: vec![Suffix {
                    text: rest,
                    morpheme,
                }],
                confidence: 0.9,
            }];
        }
        Shortcut::Whole(pos) => {
            let mut a = whole(pos);
            a.lemma = lemma(word);
            return vec![a];
        }
        Shortcut::Irregular(l) => {
            let mut a = whole(Pos::Other);
            a.lemma = Cow::Borrowed(l);
            a.confidence = 0.95;
            return vec![a];
        }
        Shortcut::Part(start, end) => (start, &word[start..end], &lower[start..end]),
        Shortcut::Search => (0, word, &lower[..]),
    };
    let capital = word.chars().next().is_some_and(letters::is_upper);
    let s = run(lower_part, capital, true);
    let mut cands = s.all.unwrap_or_default();
    cands.sort_by(|a, b| {
        b.score.total_cmp(&a.score).then(if ties_to(a, b) {
            std::cmp::Ordering::Less
        } else if ties_to(b, a) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        })
    });
    let mut out: Vec<Analysis<'_>> = Vec::new();
    let mut seen: Vec<(String, Pos)> = Vec::new();
    let mut weights = Vec::new();
    for cand in &cands {
        let mut lemma = render(part, lower_part, cand, true);
        if start > 0 {
            lemma = Cow::Owned(format!("{}{lemma}", &word[..start]));
        }
        let key = (lemma.to_string(), cand.pos);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let mut suffixes: Vec<Suffix<'_>> = cand
            .chain
            .iter()
            .map(|p| Suffix {
                text: &part[usize::from(p.start)..usize::from(p.end)],
                morpheme: p.morpheme,
            })
            .collect();
        suffixes.reverse();
        weights.push((cand.score - cands[0].score).exp());
        out.push(Analysis {
            stem: &word[..start + cand.stem_end],
            lemma,
            pos: cand.pos,
            suffixes,
            confidence: 0.0,
        });
        if out.len() == 5 {
            break;
        }
    }
    if out.is_empty() {
        return vec![whole(Pos::Other)];
    }
    let total: f32 = weights.iter().sum();
    let top_score = cands[0].score;
    // Known stems are trusted more than rules alone.
    let trust = if top_score >= 7.5 { 1.0 } else { 0.7 };
    for (a, w) in out.iter_mut().zip(&weights) {
        a.confidence = (trust * w / total).clamp(0.0, 1.0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// The search's form tests as they were before the window and the
    /// table by last byte: the last letter's bucket found by a search over
    /// the letters, the text compared byte by byte, then the sound and
    /// harmony before it.
    fn plain_forms(lower: &str, slot: Slot, end: usize) -> &'static [&'static Form] {
        match lower.get(..end).and_then(|t| t.chars().next_back()) {
            Some(last) => {
                let buckets = &tables::BY_LAST.buckets(slot);
                match buckets.binary_search_by_key(&last, |(c, _)| *c) {
                    Ok(i) => &buckets[i].1,
                    Err(_) => &[],
                }
            }
            None => &[],
        }
    }

    fn plain_matches(lower: &str, end: usize, form: &Form) -> Option<usize> {
        let text = lower.get(..end)?;
        if !phon::ends_with(text, &form.text) {
            return None;
        }
        let start = end - form.text.len();
        let prev = &text[..start];
        if prev.is_empty()
            || phon::final_class(prev) & form.after == 0
            || !phon::harmony_agrees(prev, form.harmony)
        {
            return None;
        }
        Some(start)
    }

    /// Every lexicon stem (one in eleven) with endings of every slot, and
    /// words too long for the window: at every position, the forms of each
    /// slot and where each form of every slot matches are what the plain
    /// tests give.
    #[test]
    fn forms_and_matches_agree_with_the_plain_tests() {
        let stems: Vec<&str> = include_str!("lexicon.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .step_by(11)
            .collect();
        let endings: Vec<&str> = tables::FORMS.iter().map(|f| f.text.as_str()).collect();
        let slots = [
            Slot::Case,
            Slot::Possessive,
            Slot::Plural,
            Slot::Ordinal,
            Slot::Deverbal,
            Slot::Finite,
            Slot::Negation,
            Slot::Passive,
        ];
        let long = "қ".repeat(60);
        let (mut words, mut found) = (0, 0);
        for (k, stem) in stems.iter().enumerate() {
            let ending = endings[k % endings.len()];
            let other = endings[(k * 7 + 3) % endings.len()];
            let mut tried = vec![format!("{stem}{ending}"), format!("{stem}{other}{ending}")];
            if k % 50 == 0 {
                tried.push(format!("{long}{stem}{ending}"));
                tried.push(format!("A1{stem}{ending}"));
            }
            for lower in &tried {
                words += 1;
                let s = Search::new(lower, false, false);
                for end in (0..=lower.len()).filter(|&e| lower.is_char_boundary(e)) {
                    for &slot in &slots {
                        let got = s.forms(slot, end);
                        let want = plain_forms(lower, slot, end);
                        assert!(std::ptr::eq(got, want), "{lower} {end} {slot:?}");
                    }
                    for form in tables::FORMS.iter() {
                        let got = s.matches(end, form);
                        assert_eq!(
                            got,
                            plain_matches(lower, end, form),
                            "{lower} {end} {}",
                            form.text
                        );
                        found += usize::from(got.is_some());
                    }
                }
            }
        }
        assert!(
            words > 8_000 && found > 30_000,
            "{found} matches in {words} words"
        );
    }

    /// A capitalised word's search also gives its lower-case form's split
    /// and lemma, which the memo keeps: they must be what that form's own
    /// search gives.
    #[test]
    fn a_capitalised_word_s_search_remembers_its_lower_case_form_rightly() {
        let stems = include_str!("lexicon.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .step_by(23);
        let endings = [
            "", "да", "ның", "ға", "сы", "лар", "ды", "ып", "а", "ған", "дағы",
        ];
        let (mut words, mut remembered) = (0, 0);
        for (k, stem) in stems.enumerate() {
            let lower = format!("{stem}{}", endings[k % endings.len()]);
            let mut chars = lower.chars();
            let Some(first) = chars.next() else { continue };
            let word: String = first.to_uppercase().chain(chars).collect();
            if word == lower || lower.len() > 32 {
                continue;
            }
            words += 1;
            let _ = split_and_lemma_uncached(&word);
            let computed = Cell::new(false);
            let (split, lemma) = super::super::memo::split_and_lemma(&lower, |w| {
                computed.set(true);
                split_and_lemma_uncached(w)
            });
            if computed.get() {
                continue;
            }
            remembered += 1;
            let (want_split, want_lemma) = split_and_lemma_uncached(&lower);
            assert_eq!((split, &*lemma), (want_split, &*want_lemma), "{word}");
        }
        assert!(
            words > 1000 && remembered * 2 > words,
            "{remembered} of {words}"
        );
    }
}
