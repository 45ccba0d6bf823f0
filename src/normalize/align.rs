//! The alignment between normalized and original text.
//!
//! It is a sorted list of anchors `(normalized, original)`: byte offsets
//! known to correspond exactly. The first anchor is `(0, 0)`, the last is
//! `(normalized.len(), original.len())`, and both columns never decrease.
//! Between two anchors lies a *region*:
//!
//! * when both sides have the same length, it is *linear*: offsets map by a
//!   constant shift (copied text, or characters replaced by characters of
//!   the same UTF-8 length), then snap to a character boundary;
//! * otherwise it is a *block*: one replaced character (`i` → `і`), a
//!   dropped character (normalized length 0), or a segment rewritten by NFC;
//!   its inside maps to its edges.
//!
//! Anchors are only needed where a block starts or ends, so clean stretches
//! of any length cost nothing, and an unchanged text has no anchors at all.

/// Builds normalized text and its anchors from left to right.
#[derive(Debug)]
pub(crate) struct Builder {
    text: String,
    anchors: Vec<(usize, usize)>,
    orig: usize,
    open_linear: bool,
}

/// A point [`Builder::rollback`] can return to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Checkpoint {
    text: usize,
    anchors: usize,
    orig: usize,
    open_linear: bool,
}

impl Builder {
    /// An empty builder with room for `capacity` bytes of text.
    pub(crate) fn with_capacity(capacity: usize) -> Builder {
        Builder {
            text: String::with_capacity(capacity),
            anchors: vec![(0, 0)],
            orig: 0,
            open_linear: true,
        }
    }

    /// Bytes of the original consumed so far.
    pub(crate) fn orig_pos(&self) -> usize {
        self.orig
    }

    /// Appends `s`, which stands for as many bytes of the original.
    pub(crate) fn linear(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if !self.open_linear {
            self.anchors.push((self.text.len(), self.orig));
            self.open_linear = true;
        }
        self.text.push_str(s);
        self.orig += s.len();
    }

    /// Appends `c` for a character of the same UTF-8 length.
    pub(crate) fn linear_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.linear(c.encode_utf8(&mut buf));
    }

    /// Appends `out` for `orig_len` bytes of the original as one block.
    pub(crate) fn block(&mut self, orig_len: usize, out: &str) {
        if orig_len == 0 && out.is_empty() {
            return;
        }
        let here = (self.text.len(), self.orig);
        // An anchor at the current position means the open region is empty
        // (only at the very start): reuse it.
        if self.anchors.last() != Some(&here) {
            self.anchors.push(here);
        }
        self.text.push_str(out);
        self.orig += orig_len;
        self.open_linear = false;
    }

    /// Records the current state.
    pub(crate) fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            text: self.text.len(),
            anchors: self.anchors.len(),
            orig: self.orig,
            open_linear: self.open_linear,
        }
    }

    /// The text appended since `cp`.
    pub(crate) fn text_since(&self, cp: Checkpoint) -> &str {
        self.text.get(cp.text..).unwrap_or("")
    }

    /// Forgets everything appended since `cp`.
    pub(crate) fn rollback(&mut self, cp: Checkpoint) {
        self.text.truncate(cp.text);
        self.anchors.truncate(cp.anchors);
        self.orig = cp.orig;
        self.open_linear = cp.open_linear;
    }

    /// The text and its anchors, closed by the final anchor.
    pub(crate) fn finish(mut self) -> (String, Vec<(usize, usize)>) {
        let end = (self.text.len(), self.orig);
        if self.anchors.last() != Some(&end) {
            self.anchors.push(end);
        }
        self.anchors.shrink_to_fit();
        (self.text, self.anchors)
    }
}

/// The largest char boundary of `s` at or before `i` (clamped to `s.len()`).
pub(crate) fn floor_char(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i` (clamped to `s.len()`).
pub(crate) fn ceil_char(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The anchors `(start, end)` of the region that contains normalized byte
/// `b` (`b` below the normalized length); `None` only if the anchors are
/// malformed.
fn region(anchors: &[(usize, usize)], b: usize) -> Option<((usize, usize), (usize, usize))> {
    let i = anchors.partition_point(|a| a.0 <= b).checked_sub(1)?;
    Some((*anchors.get(i)?, *anchors.get(i + 1)?))
}

fn is_linear(start: (usize, usize), end: (usize, usize)) -> bool {
    end.0 - start.0 == end.1 - start.1
}

/// The earliest original offset for normalized offset `n`.
pub(crate) fn original_floor(
    anchors: &[(usize, usize)],
    original: &str,
    normalized: &str,
    n: usize,
) -> usize {
    if n == 0 {
        return 0;
    }
    if n >= normalized.len() {
        return original.len();
    }
    if anchors.is_empty() {
        return floor_char(original, n);
    }
    let i = anchors.partition_point(|a| a.0 < n);
    match (
        anchors.get(i),
        i.checked_sub(1).and_then(|j| anchors.get(j)),
    ) {
        (Some(&(ni, oi)), _) if ni == n => oi,
        (Some(&end), Some(&start)) => {
            if is_linear(start, end) {
                floor_char(original, start.1 + (n - start.0))
            } else {
                start.1
            }
        }
        _ => floor_char(original, n),
    }
}

/// The start in the original of the character(s) that produced normalized
/// byte `b` (`b < normalized.len()`).
pub(crate) fn original_start(anchors: &[(usize, usize)], original: &str, b: usize) -> usize {
    match region(anchors, b) {
        Some((start, end)) if is_linear(start, end) => {
            floor_char(original, start.1 + (b - start.0))
        }
        Some((start, _)) => start.1,
        None => floor_char(original, b),
    }
}

/// The end in the original of the character(s) that produced the
/// normalized bytes just before `e` (`0 < e <= normalized.len()`).
pub(crate) fn original_end(anchors: &[(usize, usize)], original: &str, e: usize) -> usize {
    match region(anchors, e.saturating_sub(1)) {
        Some((start, end)) if is_linear(start, end) => ceil_char(original, start.1 + (e - start.0)),
        Some((_, end)) => end.1,
        None => ceil_char(original, e),
    }
}

/// The earliest normalized offset for original offset `o`.
pub(crate) fn normalized_floor(
    anchors: &[(usize, usize)],
    original: &str,
    normalized: &str,
    o: usize,
) -> usize {
    if o >= original.len() {
        return normalized.len();
    }
    if anchors.is_empty() {
        return floor_char(normalized, o);
    }
    let i = anchors.partition_point(|a| a.1 < o);
    match (
        anchors.get(i),
        i.checked_sub(1).and_then(|j| anchors.get(j)),
    ) {
        (Some(&(ni, oi)), _) if oi == o => ni,
        (Some(&end), Some(&start)) => {
            if is_linear(start, end) {
                floor_char(normalized, start.0 + (o - start.1))
            } else {
                start.0
            }
        }
        _ => floor_char(normalized, o),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_keeps_anchors_compact() {
        let mut b = Builder::with_capacity(16);
        b.linear("аб");
        b.linear(" ");
        b.linear_char('ә'); // same-length replacement: no anchor
        b.block(1, "і");
        b.linear("р");
        b.block(2, "");
        let (text, anchors) = b.finish();
        assert_eq!(text, "аб әір");
        assert_eq!(anchors, vec![(0, 0), (7, 7), (9, 8), (11, 10), (11, 12)]);
    }

    #[test]
    fn rollback_restores() {
        let mut b = Builder::with_capacity(4);
        b.linear("a");
        let cp = b.checkpoint();
        b.block(1, "bb");
        b.linear("c");
        b.rollback(cp);
        b.linear("xy");
        let (text, anchors) = b.finish();
        assert_eq!(text, "axy");
        assert_eq!(anchors, vec![(0, 0), (3, 3)]);
    }

    #[test]
    fn boundaries() {
        let s = "әa";
        assert_eq!(floor_char(s, 1), 0);
        assert_eq!(ceil_char(s, 1), 2);
        assert_eq!(floor_char(s, 99), 3);
        assert_eq!(ceil_char(s, 99), 3);
    }
}
