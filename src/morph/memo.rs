//! A small set-associative memo of case splits and lemmas, one per thread,
//! that never allocates after it is set up: keys and lemmas of up to
//! [`KEY`] bytes are stored inline. Real text repeats its words (Zipf), so
//! most look-ups hit. A word's split and lemma share its slot: one hash, one
//! borrow and at most [`WAYS`] comparisons of the key find both.
//!
//! A word may sit in any of the [`WAYS`] slots of its set, and a new word
//! takes the slot that has gone longest unused (the clock's second
//! chance): with one slot per word, two common words that hash alike
//! evicted each other at every turn, and a rare word evicted a common one.
//! Over 3.16 MB of distinct prose (40 792 distinct words of 227 164),
//! analyses fell from 73 968 to 49 278 (docs/experiments.md).

use std::borrow::Cow;
use std::cell::RefCell;
use std::hash::Hasher;

use super::Case;
use crate::hash::FxHasher;

/// Longest word and lemma kept, in bytes.
const KEY: usize = 32;
/// Number of slots (a power of two).
const SLOTS: usize = 32768;
/// Slots of a set (a power of two).
const WAYS: usize = 4;
/// Number of sets.
const SETS: usize = SLOTS / WAYS;

/// A word of up to [`KEY`] bytes and what is remembered of it.
#[derive(Clone, Copy)]
struct Slot {
    /// 0: empty.
    key_len: u8,
    /// Read since the clock's hand last passed.
    used: bool,
    key: [u8; KEY],
    /// Where the case ending starts, and the case.
    split: Option<(u8, Case)>,
    lemma: Option<Lemma>,
}

impl Slot {
    const EMPTY: Slot = Slot {
        key_len: 0,
        used: false,
        key: [0; KEY],
        split: None,
        lemma: None,
    };

    fn holds(&self, word: &str) -> bool {
        usize::from(self.key_len) == word.len()
            && self.key.get(..word.len()) == Some(word.as_bytes())
    }
}

/// A remembered lemma.
#[derive(Clone, Copy)]
enum Lemma {
    /// The first `n` bytes of the word.
    Prefix(u8),
    /// Stored here: `n` bytes.
    Stored(u8, [u8; KEY]),
}

/// The slots, [`WAYS`] to a set, and each set's clock hand.
struct Memo {
    slots: Vec<Slot>,
    hands: Vec<u8>,
}

thread_local! {
    /// Allocated on first store.
    static MEMO: RefCell<Memo> = const {
        RefCell::new(Memo {
            slots: Vec::new(),
            hands: Vec::new(),
        })
    };
}

/// The set of `word`, or `None` when it is not kept (empty or too long).
fn index(word: &str) -> Option<usize> {
    if word.is_empty() || word.len() > KEY {
        return None;
    }
    let mut h = FxHasher::default();
    h.write(word.as_bytes());
    Some((h.finish() >> 20) as usize & (SETS - 1))
}

/// What the memo holds for `word` in set `i`: its split and lemma (each
/// `None` when not remembered). A hit marks its slot used.
fn get(i: usize, word: &str) -> (Option<(u8, Case)>, Option<Lemma>) {
    MEMO.with(|m| {
        let Ok(mut m) = m.try_borrow_mut() else {
            return (None, None);
        };
        let Some(set) = m.slots.get_mut(i * WAYS..(i + 1) * WAYS) else {
            return (None, None);
        };
        match set.iter_mut().find(|slot| slot.holds(word)) {
            Some(slot) => {
                slot.used = true;
                (slot.split, slot.lemma)
            }
            None => (None, None),
        }
    })
}

/// Remembers the split and, when given, the lemma of `word` (of at most
/// [`KEY`] bytes) in set `i`: in its own slot when it has one (keeping
/// the lemma when none is given), else in an empty slot, else in the
/// first slot from the hand on that was not used since the hand passed.
fn put(i: usize, word: &str, split: Option<(u8, Case)>, lemma: Option<Lemma>) {
    MEMO.with(|m| {
        let Ok(mut m) = m.try_borrow_mut() else {
            return;
        };
        let Memo { slots, hands } = &mut *m;
        if slots.is_empty() {
            slots.resize(SLOTS, Slot::EMPTY);
            hands.resize(SETS, 0);
        }
        let (Some(set), Some(hand)) = (slots.get_mut(i * WAYS..(i + 1) * WAYS), hands.get_mut(i))
        else {
            return;
        };
        let way = match set.iter().position(|slot| slot.holds(word)) {
            Some(way) => way,
            None => {
                let way = match set.iter().position(|slot| slot.key_len == 0) {
                    Some(way) => way,
                    None => {
                        // At most one turn clears every mark, and the
                        // next slot is then free.
                        let mut h = usize::from(*hand) % WAYS;
                        while set[h].used {
                            set[h].used = false;
                            h = (h + 1) % WAYS;
                        }
                        *hand = ((h + 1) % WAYS) as u8;
                        h
                    }
                };
                let slot = &mut set[way];
                slot.key_len = word.len() as u8;
                slot.key[..word.len()].copy_from_slice(word.as_bytes());
                slot.used = false;
                slot.split = None;
                slot.lemma = None;
                way
            }
        };
        let slot = &mut set[way];
        if split.is_some() {
            slot.split = split;
        }
        if lemma.is_some() {
            slot.lemma = lemma;
        }
    });
}

/// The memoized case split of `word` (see `engine::split_case`),
/// computing it with `compute` on a miss.
pub(crate) fn split_case(word: &str, compute: impl FnOnce(&str) -> (usize, Case)) -> (usize, Case) {
    let Some(i) = index(word) else {
        return compute(word);
    };
    if let (Some((len, case)), _) = get(i, word) {
        return (usize::from(len), case);
    }
    let split = compute(word);
    // The split is at most the word's length, which fits in a byte.
    if let Ok(len) = u8::try_from(split.0) {
        put(i, word, Some((len, split.1)), None);
    }
    split
}

/// The memoized case split and lemma of `word`, computing both with
/// `compute` when either is missing, and remembering both: a new word's
/// one analysis serves the lemma the pipeline writes and the tagger's
/// features, whichever asks first.
pub(crate) fn split_and_lemma<'w>(
    word: &'w str,
    compute: impl FnOnce(&'w str) -> ((usize, Case), Cow<'w, str>),
) -> ((usize, Case), Cow<'w, str>) {
    let Some(i) = index(word) else {
        return compute(word);
    };
    if let (Some((len, case)), Some(lemma)) = get(i, word) {
        if let Some(lemma) = lemma_of(lemma, word) {
            return ((usize::from(len), case), lemma);
        }
    }
    let (split, lemma) = compute(word);
    store(i, word, split, &lemma);
    (split, lemma)
}

/// Remembers the case split and lemma of `word`, computed elsewhere (as
/// `split_and_lemma`'s `compute` would give them).
pub(crate) fn remember(word: &str, split: (usize, Case), lemma: &str) {
    let Some(i) = index(word) else {
        return;
    };
    store(i, word, split, lemma);
}

/// Remembers the split and lemma of `word` in slot `i`: the split when it
/// fits in a byte, the lemma when it is a prefix of the word or fits in
/// [`KEY`] bytes.
fn store(i: usize, word: &str, split: (usize, Case), lemma: &str) {
    let split = u8::try_from(split.0).ok().map(|len| (len, split.1));
    // Both lengths are at most `KEY`, so they fit in a byte.
    let n = lemma.len() as u8;
    // A lemma that starts where the word does is a slice of it (an owned
    // lemma never shares the word's memory).
    let prefix = lemma.as_ptr() == word.as_ptr() && word.as_bytes().starts_with(lemma.as_bytes());
    let lemma = if prefix {
        Some(Lemma::Prefix(n))
    } else if lemma.len() <= KEY {
        let mut bytes = [0; KEY];
        bytes[..lemma.len()].copy_from_slice(lemma.as_bytes());
        Some(Lemma::Stored(n, bytes))
    } else {
        None
    };
    put(i, word, split, lemma);
}

/// The lemma `l` remembered for `word`.
fn lemma_of(l: Lemma, word: &str) -> Option<Cow<'_, str>> {
    match l {
        Lemma::Prefix(n) => word.get(..usize::from(n)).map(Cow::Borrowed),
        Lemma::Stored(n, bytes) => String::from_utf8(bytes[..usize::from(n)].to_vec())
            .ok()
            .map(Cow::Owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn splits_and_lemmas_are_computed_once_per_word_together() {
        let calls = Cell::new(0);
        let compute = |w: &'static str| {
            calls.set(calls.get() + 1);
            let lemma = if w.len() % 2 == 0 {
                Cow::Borrowed(&w[..2])
            } else {
                Cow::Owned(format!("{w}!"))
            };
            ((w.len() / 2, Case::Locative), lemma)
        };
        let words = ["Семейде", "ауылда", "үйде", "қалада"];
        for w in words {
            let (split, lemma) = split_and_lemma(w, compute);
            assert_eq!(split, (w.len() / 2, Case::Locative));
            assert_eq!(lemma, compute(w).1);
        }
        let first = calls.get();
        // Hits give the same split and lemma (a stored lemma and a prefix
        // of the word alike) without computing.
        for w in words {
            let (split, lemma) = split_and_lemma(w, |_| unreachable!("{w} is remembered"));
            assert_eq!(split, (w.len() / 2, Case::Locative));
            assert_eq!(lemma, compute(w).1);
        }
        assert_eq!(calls.get(), first + words.len());
    }

    /// `n` distinct words of set `set`, found by counting.
    fn words_of_set(set: usize, n: usize) -> Vec<String> {
        (0..)
            .map(|k| format!("сөз{k}"))
            .filter(|w| index(w) == Some(set))
            .take(n)
            .collect()
    }

    #[test]
    fn words_of_one_set_share_it_and_a_used_word_outlives_new_ones() {
        let calls = Cell::new(0);
        let compute = |w: &str| {
            calls.set(calls.get() + 1);
            (w.len() / 2, Case::Ablative)
        };
        let words = words_of_set(5, WAYS + 1);
        // A full set: every word keeps its slot.
        for w in &words[..WAYS] {
            split_case(w, compute);
        }
        let first = calls.get();
        assert_eq!(first, WAYS);
        // The first word is read again after it was stored; a new word of
        // the set then takes another's slot, not the one just read.
        assert_eq!(
            split_case(&words[0], compute),
            (words[0].len() / 2, Case::Ablative)
        );
        assert_eq!(calls.get(), first);
        split_case(&words[WAYS], compute);
        assert_eq!(calls.get(), first + 1);
        split_case(&words[0], compute);
        split_case(&words[WAYS], compute);
        assert_eq!(calls.get(), first + 1, "a used or new word was evicted");
        // One of the others went, and is computed again.
        for w in &words[1..WAYS] {
            split_case(w, compute);
        }
        assert!(calls.get() > first + 1);
    }

    #[test]
    fn case_splits_are_computed_once_per_word_and_never_mixed_up() {
        let calls = Cell::new(0);
        let compute = |w: &str| {
            calls.set(calls.get() + 1);
            (w.len() / 2, Case::Dative)
        };
        let words = ["Семейге", "Тоқаевқа", "ауылға", "а", "Астанаға"];
        for w in words {
            assert_eq!(split_case(w, compute), (w.len() / 2, Case::Dative));
        }
        let first = calls.get();
        assert!(first >= 1);
        // Every word now hits its slot (or its own recomputation when two
        // words share one), and keeps its own answer.
        for w in words {
            assert_eq!(split_case(w, compute), (w.len() / 2, Case::Dative));
        }
        assert!(calls.get() <= first + words.len());
        assert_eq!(
            split_case("ауылға", |_| (0, Case::Nominative)).1,
            Case::Dative
        );
        // Words longer than a slot are computed every time.
        let long = "ұзын".repeat(10);
        let before = calls.get();
        split_case(&long, compute);
        split_case(&long, compute);
        assert_eq!(calls.get(), before + 2);
        assert_eq!(split_case("", |_| (0, Case::Nominative)).0, 0);
    }
}
