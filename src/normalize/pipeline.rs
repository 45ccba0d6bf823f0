//! The driver: finds the few places that can change and rewrites each as an
//! independent segment.
//!
//! The text is cut at *hard boundaries*: positions between two characters
//! that are not both word characters, where the next character is an NFC
//! stable starter, and where neither neighbour is an invisible character.
//! Every step is local to such a segment: words never cross a hard boundary,
//! NFC never acts across a stable starter, and an invisible character's
//! neighbours are in its segment. So a scan over bytes can skip clean
//! stretches and hand only dirty segments to the steps.

use std::ops::{ControlFlow, Range};

use unicode_normalization::char::is_combining_mark;

use super::align::Builder;
use super::lookalikes::{self, Direction, Script, Tally};
use super::{invisible, nfc, punctuation, Normalized, Normalizer};

/// How many rounds of "steps 1–3, then NFC" a segment may take to settle.
const MAX_ROUNDS: usize = 4;

/// What happens to one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Keep,
    Replace(char),
    Drop,
}

#[inline]
fn char_at(text: &str, pos: usize) -> char {
    text.get(pos..)
        .and_then(|s| s.chars().next())
        .unwrap_or('\0')
}

#[inline]
fn char_before(text: &str, pos: usize) -> char {
    text.get(..pos)
        .and_then(|s| s.chars().next_back())
        .unwrap_or('\0')
}

/// Word characters: letters, combining marks and the invisible characters.
#[inline]
pub(super) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    lookalikes::is_plain_cyrillic(c)
        || c.is_alphabetic()
        || is_combining_mark(c)
        || invisible::is_invisible(c)
}

/// Letters that are counted by script (not marks, not invisibles).
#[inline]
fn is_letter(c: char) -> bool {
    c.is_alphabetic() && !is_combining_mark(c)
}

/// The end of the word starting at `start`.
fn word_end(text: &str, start: usize) -> usize {
    let mut pos = start;
    while pos < text.len() {
        let c = char_at(text, pos);
        if !is_word(c) {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

fn is_hard(text: &str, p: usize) -> bool {
    if p == 0 || p >= text.len() {
        return true;
    }
    let c = char_at(text, p);
    let prev = char_before(text, p);
    if invisible::is_invisible(c) || invisible::is_invisible(prev) {
        return false;
    }
    if is_word(c) && is_word(prev) {
        return false;
    }
    nfc::is_stable(c)
}

/// What a quick look at one word found.
#[derive(Default)]
struct WordScan {
    end: usize,
    latin: bool,
    cyrillic: bool,
    stand_in: bool,
    invisible: bool,
    unstable: bool,
}

impl WordScan {
    fn needs_work(&self, cfg: &Normalizer) -> bool {
        (cfg.lookalikes && ((self.latin && self.cyrillic) || self.stand_in))
            || (cfg.invisible && self.invisible)
            || (cfg.nfc && self.unstable)
    }
}

fn scan_word(text: &str, start: usize) -> WordScan {
    let bytes = text.as_bytes();
    let mut w = WordScan::default();
    let mut pos = start;
    while let Some(&b) = bytes.get(pos) {
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                break;
            }
            w.latin = true;
            pos += 1;
            continue;
        }
        let c = char_at(text, pos);
        if lookalikes::is_plain_cyrillic(c) {
            w.cyrillic = true;
        } else if invisible::is_invisible(c) {
            w.invisible = true;
        } else if c.is_alphabetic() || is_combining_mark(c) {
            w.unstable |= !nfc::is_stable(c);
            w.stand_in |= lookalikes::stand_in(c).is_some();
            if !is_combining_mark(c) {
                match lookalikes::script(c) {
                    Script::Latin => w.latin = true,
                    Script::Cyrillic => w.cyrillic = true,
                    Script::Other => {}
                }
            }
        } else {
            break;
        }
        pos += c.len_utf8();
    }
    w.end = pos;
    w
}

/// The segment around the dirty stretch `start..end`, not reaching back
/// before `floor` (the end of the previous segment, itself hard).
fn segment(text: &str, start: usize, end: usize, floor: usize) -> Range<usize> {
    let mut s = start;
    while s > floor && !is_hard(text, s) {
        s -= char_before(text, s).len_utf8();
    }
    let mut e = end;
    while e < text.len() && !is_hard(text, e) {
        let c = char_at(text, e);
        e = if is_word(c) {
            word_end(text, e)
        } else {
            e + c.len_utf8()
        };
    }
    s..e
}

/// Steps 1–3 over `text[seg]`: calls `f(offset, char, action)` for every
/// character in order, stopping early when `f` breaks.
fn steps<F>(cfg: &Normalizer, text: &str, seg: Range<usize>, f: &mut F) -> ControlFlow<()>
where
    F: FnMut(usize, char, Action) -> ControlFlow<()>,
{
    let mut pos = seg.start;
    while pos < seg.end {
        let c = char_at(text, pos);
        if !is_word(c) {
            let action = match punctuation::fold(c) {
                Some(r) if cfg.punctuation => Action::Replace(r),
                _ => Action::Keep,
            };
            f(pos, c, action)?;
            pos += c.len_utf8();
            continue;
        }
        let end = word_end(text, pos).min(seg.end);
        let word = text.get(pos..end).unwrap_or("");
        let dir = if cfg.lookalikes {
            let mut tally = Tally::default();
            word.chars()
                .filter(|&c| is_letter(c))
                .for_each(|c| tally.add(c));
            tally.direction()
        } else {
            Direction::Keep
        };
        for (i, c) in word.char_indices() {
            let at = pos + i;
            let action = if invisible::is_invisible(c) {
                let keep = !cfg.invisible
                    || (c == invisible::ZWJ
                        && invisible::joins_emoji(
                            text.get(..at).unwrap_or(""),
                            text.get(at + c.len_utf8()..).unwrap_or(""),
                        ));
                if keep {
                    Action::Keep
                } else {
                    Action::Drop
                }
            } else {
                match lookalikes::repair(dir, c) {
                    Some(r) => Action::Replace(r),
                    None => Action::Keep,
                }
            };
            f(at, c, action)?;
        }
        pos = end;
    }
    ControlFlow::Continue(())
}

/// Whether steps 1–3 would change anything in `text[seg]`.
fn steps_change(cfg: &Normalizer, text: &str, seg: Range<usize>) -> bool {
    steps(cfg, text, seg, &mut |_, _, action| {
        if action == Action::Keep {
            ControlFlow::Continue(())
        } else {
            ControlFlow::Break(())
        }
    })
    .is_break()
}

/// Appends the output of steps 1–3 over `text[seg]` to `out`.
fn steps_into(cfg: &Normalizer, text: &str, seg: Range<usize>, out: &mut Builder) {
    let _ = steps(cfg, text, seg, &mut |_, c, action| {
        match action {
            Action::Keep => out.linear_char(c),
            Action::Replace(r) if r.len_utf8() == c.len_utf8() => out.linear_char(r),
            Action::Replace(r) => {
                let mut buf = [0u8; 4];
                out.block(c.len_utf8(), r.encode_utf8(&mut buf));
            }
            Action::Drop => out.block(c.len_utf8(), ""),
        }
        ControlFlow::Continue(())
    });
}

/// Steps 1–3 over the whole of `s`, or `None` when nothing changes.
fn steps_string(cfg: &Normalizer, s: &str) -> Option<String> {
    if !steps_change(cfg, s, 0..s.len()) {
        return None;
    }
    let mut b = Builder::with_capacity(s.len() + 8);
    steps_into(cfg, s, 0..s.len(), &mut b);
    Some(b.finish().0)
}

/// Alternates NFC and steps 1–3 on `s` (already through steps 1–3) until
/// neither changes it, so that the result is a fixed point of the whole
/// normalizer.
fn settle(cfg: &Normalizer, s: &str) -> String {
    let mut cur = s.to_owned();
    for _ in 0..MAX_ROUNDS {
        if nfc::is_nfc(&cur) {
            break;
        }
        let composed = nfc::to_nfc(&cur);
        match steps_string(cfg, &composed) {
            None => {
                cur = composed;
                break;
            }
            Some(next) => cur = next,
        }
    }
    cur
}

/// Rewrites the segment `text[seg]` into `out` if anything changes.
fn process(cfg: &Normalizer, text: &str, seg: Range<usize>, out: &mut Option<Builder>) {
    let orig = text.get(seg.clone()).unwrap_or("");
    let changes = steps_change(cfg, text, seg.clone());
    if !changes && (!cfg.nfc || nfc::is_nfc(orig)) {
        return;
    }
    let b = out.get_or_insert_with(|| Builder::with_capacity(text.len() + text.len() / 8 + 16));
    let gap = text.get(b.orig_pos()..seg.start).unwrap_or("");
    b.linear(gap);
    let cp = b.checkpoint();
    steps_into(cfg, text, seg, b);
    if cfg.nfc {
        let produced = b.text_since(cp);
        if !nfc::is_nfc(produced) {
            let settled = settle(cfg, produced);
            b.rollback(cp);
            if settled == orig {
                b.linear(orig);
            } else {
                // Only the changed middle is a block, so that tokens in
                // the unchanged ends map to their own characters.
                let (p, s) = common_ends(orig, &settled);
                b.linear(orig.get(..p).unwrap_or(""));
                let mid = settled.get(p..settled.len() - s).unwrap_or("");
                b.block(orig.len() - p - s, mid);
                b.linear(orig.get(orig.len() - s..).unwrap_or(""));
            }
        }
    }
}

/// The byte lengths of the longest common prefix and suffix of `a` and
/// `b`, in whole characters and not overlapping in either.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let p: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (ra, rb) = (a.get(p..).unwrap_or(""), b.get(p..).unwrap_or(""));
    let s: usize = ra
        .chars()
        .rev()
        .zip(rb.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (p, s)
}

/// Runs the enabled steps over `text`.
pub(super) fn run<'a>(cfg: &Normalizer, text: &'a str) -> Normalized<'a> {
    if text.is_ascii() || !(cfg.lookalikes || cfg.punctuation || cfg.invisible || cfg.nfc) {
        return Normalized::unchanged(text);
    }
    let bytes = text.as_bytes();
    let mut out: Option<Builder> = None;
    let mut done = 0;
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        if b < 0x80 && !b.is_ascii_alphabetic() {
            pos += 1;
            continue;
        }
        let c = char_at(text, pos);
        let (end, dirty) = if is_word(c) {
            let w = scan_word(text, pos);
            (w.end, w.needs_work(cfg))
        } else {
            let dirty = (cfg.punctuation && punctuation::fold(c).is_some())
                || (cfg.nfc && !nfc::is_stable(c));
            (pos + c.len_utf8(), dirty)
        };
        if !dirty {
            pos = end;
            continue;
        }
        let seg = segment(text, pos, end, done);
        done = seg.end;
        pos = seg.end;
        process(cfg, text, seg, &mut out);
    }
    match out {
        None => Normalized::unchanged(text),
        Some(mut b) => {
            let rest = text.get(b.orig_pos()..).unwrap_or("");
            b.linear(rest);
            let (normalized, anchors) = b.finish();
            if normalized == text {
                Normalized::unchanged(text)
            } else {
                Normalized::changed(text, normalized, anchors)
            }
        }
    }
}
