//! Byte spans into the caller's text.

use core::ops::Range;

/// A half-open byte range `start..end` into the text that was analysed.
///
/// Every span produced by this crate lies on UTF-8 character boundaries of
/// the original input, so `&text[span.range()]` never panics for the text it
/// came from.
///
/// ```
/// use kazakh::Span;
/// let text = "Сәлем, әлем!";
/// let span = Span::new(0, "Сәлем".len());
/// assert_eq!(&text[span.range()], "Сәлем");
/// assert_eq!(span.len(), 10);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span from `start` to `end` (byte offsets).
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range<usize>`, for slicing.
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes (zero when `end <= start`).
    #[inline]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether `offset` lies inside the span.
    #[inline]
    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Converts the byte span to a span of `char` indices in `text`
    /// (the offsets Python and JavaScript users expect; JavaScript counts
    /// UTF-16 units, see [`Span::to_utf16`]).
    ///
    /// Offsets beyond `text` or inside a character are clamped to the
    /// previous boundary, so this never panics.
    pub fn to_chars(self, text: &str) -> Span {
        CharOffsets::new(text).span(self)
    }

    /// Converts the byte span to UTF-16 code unit offsets in `text`.
    pub fn to_utf16(self, text: &str) -> Span {
        let count = |end: usize| -> usize {
            let end = floor_boundary(text, end);
            text[..end].chars().map(char::len_utf16).sum()
        };
        Span::new(count(self.start), count(self.end))
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

/// Converts byte offsets of one text to char offsets, in a single pass when
/// the offsets come in increasing order. An offset behind the last one is
/// counted back from there, so any order is correct and each call costs the
/// distance from the previous offset: for many spans of one text this is
/// linear where [`Span::to_chars`] would count from the start each time.
///
/// ```
/// use kazakh::{CharOffsets, Span};
/// let text = "Қазақ тілі";
/// let mut chars = CharOffsets::new(text);
/// assert_eq!(chars.at(11), 6);
/// assert_eq!(chars.span(Span::new(11, 19)), Span::new(6, 10));
/// assert_eq!(chars.at(2), 1);
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    /// Starts at the beginning of `text`.
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The char offset of byte offset `byte` (clamped to the text, and to
    /// the previous char boundary).
    pub fn at(&mut self, byte: usize) -> usize {
        let byte = floor_boundary(self.text, byte);
        if byte < self.byte {
            self.chars -= count_chars(&self.text[byte..self.byte]);
        } else {
            self.chars += count_chars(&self.text[self.byte..byte]);
        }
        self.byte = byte;
        self.chars
    }

    /// The char span of a byte span. The position stays at the span's
    /// start, so that spans in order of their starts cost their own length
    /// and the distance between them, even when they overlap.
    pub fn span(&mut self, span: Span) -> Span {
        let start = self.at(span.start);
        let end = floor_boundary(self.text, span.end).max(self.byte);
        Span::new(start, start + count_chars(&self.text[self.byte..end]))
    }

    /// [`CharOffsets::span`] for spans that come in order without
    /// overlapping (the tokens of a text): the position moves on to the
    /// span's end, so that each byte is counted once. A span that starts
    /// before the position, or not on char boundaries, is counted as
    /// [`CharOffsets::span`] counts it.
    pub(crate) fn next_span(&mut self, span: Span) -> Span {
        if span.start >= self.byte {
            if let (Some(gap), Some(inner)) = (
                self.text.get(self.byte..span.start),
                self.text.get(span.start..span.end),
            ) {
                let start = self.chars + count_chars(gap);
                let end = start + count_chars(inner);
                self.byte = span.end;
                self.chars = end;
                return Span::new(start, end);
            }
        }
        self.span(span)
    }
}

/// The number of chars of `s`: `s.chars().count()`, with the short
/// strings of tokens and the gaps between them counted here rather than in
/// a call: a char is a byte that does not continue one (not `10xxxxxx`),
/// eight bytes at a time.
#[inline]
fn count_chars(s: &str) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let bytes = s.as_bytes();
    if bytes.len() >= 64 {
        return s.chars().count();
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            continue;
        };
        let x = u64::from_le_bytes(eight);
        // Bit 0 of each byte: not bit 7, or bit 6; the bytes summed by
        // the multiplication into the top byte (at most 8).
        let starts = ((!x >> 7) | (x >> 6)) & ONES;
        n += (starts.wrapping_mul(ONES) >> 56) as usize;
    }
    for &b in chunks.remainder() {
        n += usize::from((b as i8) >= -0x40);
    }
    n
}

/// The largest char boundary of `text` that is `<= offset`.
pub(crate) fn floor_boundary(text: &str, offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    let mut i = offset;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets() {
        let text = "Қазақ тілі";
        let s = Span::new(11, 19);
        assert_eq!(&text[s.range()], "тілі");
        assert_eq!(s.to_chars(text), Span::new(6, 10));
        assert_eq!(s.to_utf16(text), Span::new(6, 10));
        let emoji = "a😀b";
        assert_eq!(Span::new(5, 6).to_utf16(emoji), Span::new(3, 4));
        assert_eq!(Span::new(5, 6).to_chars(emoji), Span::new(2, 3));
    }

    #[test]
    fn chars_counted_eight_bytes_at_a_time_are_the_chars() {
        // Every length up to past the long strings' limit, of one-, two-,
        // three- and four-byte chars mixed, from every start.
        let text: String = "aә€😀Қ1 ".chars().cycle().take(120).collect();
        for (start, _) in text.char_indices() {
            for (end, _) in text[start..].char_indices() {
                let s = &text[start..start + end];
                assert_eq!(count_chars(s), s.chars().count(), "{s:?}");
            }
        }
    }

    #[test]
    fn incremental_char_offsets() {
        let text = "Қазақ тілі 😀.";
        let mut c = CharOffsets::new(text);
        assert_eq!(c.at(0), 0);
        assert_eq!(c.at(11), 6);
        assert_eq!(c.at(19), 10);
        assert_eq!(c.at(2), 1);
        assert_eq!(c.at(21), 11); // inside the emoji: previous boundary
        assert_eq!(c.at(1000), 13);
    }

    #[test]
    fn char_offsets_in_any_order_equal_counting_from_the_start() {
        let text = "Ол 1,2% 😀 Астанаға, ал Қазақ тілі.";
        let spans: Vec<Span> = (0..=text.len())
            .flat_map(|a| {
                [
                    Span::new(a, text.len()),
                    Span::new(a, a + 3),
                    Span::new(0, a),
                ]
            })
            .collect();
        let mut c = CharOffsets::new(text);
        for s in spans.iter().chain(spans.iter().rev()) {
            assert_eq!(c.span(*s), s.to_chars(text), "{s:?}");
            assert_eq!(c.at(s.end), Span::new(0, s.end).to_chars(text).end, "{s:?}");
        }
    }

    #[test]
    fn next_spans_equal_counting_from_the_start() {
        let text = "Ол 1,2% 😀 Астанаға, ал Қазақ тілі.";
        // The words in order, then spans that go back, overlap, end
        // inside a char or past the text: each as counted from the start.
        let mut spans: Vec<Span> = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c == ' ', start) {
                (true, Some(s)) => {
                    spans.push(Span::new(s, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        spans.extend([
            Span::new(3, 9),
            Span::new(5, 20),
            Span::new(12, 14),
            Span::new(13, 40),
            Span::new(30, 1000),
            Span::new(0, 0),
        ]);
        let mut c = CharOffsets::new(text);
        for s in &spans {
            assert_eq!(c.next_span(*s), s.to_chars(text), "{s:?}");
        }
    }

    #[test]
    fn clamps_out_of_range() {
        assert_eq!(Span::new(3, 100).to_chars("әб"), Span::new(1, 2));
        assert_eq!(Span::new(5, 2).len(), 0);
        assert!(Span::new(5, 2).is_empty());
    }
}
