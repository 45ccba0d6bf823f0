//! Small direct-mapped memos of lemmas and of case splits, one each per
//! thread, that never allocate after they are set up: keys and lemmas of up
//! to [`KEY`] bytes are stored inline. Real text repeats its words (Zipf),
//! so most look-ups hit.

use std::borrow::Cow;
use std::cell::RefCell;
use std::hash::Hasher;

use super::lexicon::FxHasher;
use super::Case;

/// Longest word and lemma kept, in bytes.
const KEY: usize = 32;
/// Number of slots (a power of two).
const SLOTS: usize = 8192;

#[derive(Clone, Copy)]
struct Slot {
    key_len: u8,
    /// 0 empty, 1 the lemma is the first `lemma_len` bytes of the word,
    /// 2 the lemma is stored in `lemma`.
    kind: u8,
    lemma_len: u8,
    key: [u8; KEY],
    lemma: [u8; KEY],
}

const EMPTY: Slot = Slot {
    key_len: 0,
    kind: 0,
    lemma_len: 0,
    key: [0; KEY],
    lemma: [0; KEY],
};

/// A word and where its case ending starts.
#[derive(Clone, Copy)]
struct SplitSlot {
    key_len: u8,
    key: [u8; KEY],
    /// `None`: empty.
    split: Option<(u8, Case)>,
}

const EMPTY_SPLIT: SplitSlot = SplitSlot {
    key_len: 0,
    key: [0; KEY],
    split: None,
};

thread_local! {
    static MEMO: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
    static SPLITS: RefCell<Vec<SplitSlot>> = const { RefCell::new(Vec::new()) };
}

/// The memoized case split of `word` (see `engine::split_case`),
/// computing it with `compute` on a miss.
pub(crate) fn split_case(word: &str, compute: impl FnOnce(&str) -> (usize, Case)) -> (usize, Case) {
    if word.len() > KEY || word.is_empty() {
        return compute(word);
    }
    let i = index(word);
    let hit = SPLITS.with(|m| {
        let m = m.try_borrow().ok()?;
        let slot = m.get(i)?;
        let (len, case) = slot.split?;
        let same =
            usize::from(slot.key_len) == word.len() && slot.key[..word.len()] == *word.as_bytes();
        same.then_some((usize::from(len), case))
    });
    if let Some(hit) = hit {
        return hit;
    }
    let split = compute(word);
    let _ = SPLITS.with(|m| {
        let mut m = m.try_borrow_mut().ok()?;
        if m.is_empty() {
            m.resize(SLOTS, EMPTY_SPLIT);
        }
        let slot = m.get_mut(i)?;
        slot.key_len = word.len() as u8;
        slot.key[..word.len()].copy_from_slice(word.as_bytes());
        // The split is at most the word's length, which fits in a byte.
        slot.split = Some((u8::try_from(split.0).ok()?, split.1));
        Some(())
    });
    split
}

fn index(word: &str) -> usize {
    let mut h = FxHasher::default();
    h.write(word.as_bytes());
    (h.finish() >> 20) as usize & (SLOTS - 1)
}

/// The memoized lemma of `word`, computing it with `compute` on a miss.
pub(crate) fn lemma<'w>(
    word: &'w str,
    compute: impl FnOnce(&'w str) -> Cow<'w, str>,
) -> Cow<'w, str> {
    if word.len() > KEY || word.is_empty() {
        return compute(word);
    }
    let i = index(word);
    let hit = MEMO.with(|m| {
        let m = m.try_borrow().ok()?;
        let slot = m.get(i)?;
        if slot.kind == 0 || usize::from(slot.key_len) != word.len() {
            return None;
        }
        if slot.key[..word.len()] != *word.as_bytes() {
            return None;
        }
        let n = usize::from(slot.lemma_len);
        Some(match slot.kind {
            1 => Cow::Borrowed(word.get(..n)?),
            _ => Cow::Owned(String::from_utf8(slot.lemma[..n].to_vec()).ok()?),
        })
    });
    if let Some(hit) = hit {
        return hit;
    }
    let lemma = compute(word);
    let _ = MEMO.with(|m| {
        let mut m = m.try_borrow_mut().ok()?;
        if m.is_empty() {
            m.resize(SLOTS, EMPTY);
        }
        let slot = m.get_mut(i)?;
        let prefix = word.as_bytes().starts_with(lemma.as_bytes())
            && matches!(&lemma, Cow::Borrowed(s) if s.as_ptr() == word.as_ptr());
        if !prefix && lemma.len() > KEY {
            return None;
        }
        slot.key_len = word.len() as u8;
        slot.key[..word.len()].copy_from_slice(word.as_bytes());
        slot.lemma_len = lemma.len() as u8;
        if prefix {
            slot.kind = 1;
        } else {
            slot.kind = 2;
            slot.lemma[..lemma.len()].copy_from_slice(lemma.as_bytes());
        }
        Some(())
    });
    lemma
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

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
