//! Opt-in normalization that remembers where every piece came from.
//!
//! [`normalize`] cleans up the usual damage in Kazakh text and returns a
//! [`Normalized`], which borrows the input when nothing had to change and
//! maps offsets and spans of the normalized text back to the original (and
//! forth), so that tokens found in the clean text can be reported in the
//! caller's text.
//!
//! ```
//! let n = kazakh::normalize("Шаhар\u{00AD}да бiрi “жақсы”");
//! assert_eq!(n.as_str(), "Шаһарда бірі \"жақсы\"");
//! let span = kazakh::Span::new(15, 23); // "бірі"
//! assert_eq!(&n.as_str()[span.range()], "бірі");
//! let back = n.original_span(span);
//! assert_eq!(&n.original()[back.range()], "бiрi");
//! ```
//!
//! # Steps, in order
//!
//! 1. **Look-alike letters** ([`Normalizer::lookalikes`]): Latin letters
//!    inside otherwise Cyrillic words become their Cyrillic twins
//!    (`бiрi` → `бірі`, `мəселе` → `мәселе`, `Шаhар` → `Шаһар`), the
//!    stand-ins ї Ї Ӏ ӏ become һ Һ І і there, and Cyrillic letters inside
//!    otherwise Latin words become Latin (`meіosіs` → `meiosis`). Words of a
//!    single script, and words with letters peculiar to both scripts
//!    (`iPhoneға`), are left alone. Details in the `lookalikes` step below.
//! 2. **Punctuation** ([`Normalizer::punctuation`]): curly quotes fold to
//!    `"` and `'`, hyphens and the minus sign to `-`, the other dashes to
//!    the en dash `–`, and odd spaces (no-break, thin, ideographic …) to
//!    `' '`. Guillemets « », the en dash and the ellipsis … stay.
//! 3. **Invisible characters** ([`Normalizer::invisible`]): soft hyphens,
//!    zero-width spaces and non-joiners, word joiners and byte-order marks
//!    are removed, and so are zero-width joiners except inside emoji.
//! 4. **NFC** ([`Normalizer::nfc`]): canonical composition, so `и` + U+0306
//!    becomes `й`.
//!
//! Steps 1–3 each touch their own characters (letters; punctuation and
//! spaces; format characters) and map one character to at most one, so
//! their relative order does not matter; the look-alike step treats
//! invisible characters and combining marks as part of the word, so that a
//! soft hyphen inside a word neither splits it nor changes its verdict.
//! NFC comes last because the other steps can make new composable
//! sequences (removing a soft hyphen between a letter and its combining
//! mark; turning a Latin base into a Cyrillic one). Where NFC does change a
//! segment, steps 1–3 and NFC are repeated on that segment until nothing
//! changes (in practice once), so normalizing twice gives the same text as
//! normalizing once.
//!
//! # Alignment
//!
//! Replaced characters of a different UTF-8 length and removed characters
//! are recorded one by one, so spans stay exact to the character; a segment
//! rewritten by NFC is recorded as a whole. Only the points where the
//! alignment changes are stored (nothing at all for unchanged text), and
//! every lookup is a binary search. Offsets out of range or inside a
//! character are clamped, never a panic.
//!
//! # Speed
//!
//! ASCII text returns at once. Otherwise the text is scanned word by word
//! with a fast path for the Cyrillic block, and only words or characters
//! that can change (mixed scripts, stand-ins, invisible characters,
//! typographic punctuation, characters that are not NFC stable starters)
//! are processed, each inside the smallest segment that the steps cannot
//! see across. Clean text is never copied.

mod align;
mod invisible;
mod lookalikes;
mod nfc;
mod pipeline;
mod punctuation;

use std::borrow::Cow;
use std::fmt;

use crate::span::Span;

/// Normalized text plus the alignment to the original.
///
/// Returned by [`normalize`] and [`Normalizer::normalize`]. Borrows the
/// original text when nothing changed.
///
/// ```
/// let n = kazakh::normalize("мəселе");
/// assert_eq!(n.as_str(), "мәселе");
/// assert!(!n.is_borrowed());
/// assert_eq!(n.original(), "мəселе");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    /// `(normalized, original)` offsets; empty when unchanged.
    anchors: Vec<(usize, usize)>,
}

impl<'a> Normalized<'a> {
    fn unchanged(text: &'a str) -> Normalized<'a> {
        Normalized {
            original: text,
            text: Cow::Borrowed(text),
            anchors: Vec::new(),
        }
    }

    fn changed(original: &'a str, text: String, anchors: Vec<(usize, usize)>) -> Normalized<'a> {
        Normalized {
            original,
            text: Cow::Owned(text),
            anchors,
        }
    }

    /// The normalized text.
    ///
    /// ```
    /// assert_eq!(kazakh::normalize("Қазақстан").as_str(), "Қазақстан");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original text that was normalized.
    ///
    /// ```
    /// assert_eq!(kazakh::normalize("бiрi").original(), "бiрi");
    /// ```
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// Whether nothing changed, so the text is borrowed from the original
    /// (and nothing was allocated).
    ///
    /// ```
    /// assert!(kazakh::normalize("Қазақстан").is_borrowed());
    /// assert!(!kazakh::normalize("бiрi").is_borrowed());
    /// ```
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The normalized text as a `Cow`, borrowed when nothing changed.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// assert!(matches!(kazakh::normalize("Google").into_cow(), Cow::Borrowed("Google")));
    /// ```
    pub fn into_cow(self) -> Cow<'a, str> {
        self.text
    }

    /// The normalized text as an owned `String`.
    ///
    /// ```
    /// assert_eq!(kazakh::normalize("Шаhар").into_string(), "Шаһар");
    /// ```
    pub fn into_string(self) -> String {
        self.text.into_owned()
    }

    /// Maps a byte offset of the normalized text to a byte offset of the
    /// original, always on a character boundary of the original.
    ///
    /// The mapping never decreases, sends 0 to 0 and the normalized length
    /// to the original length, and clamps larger offsets. An offset inside
    /// a replaced character maps to the start of the original character;
    /// where characters were removed, the offset before them is returned.
    ///
    /// ```
    /// let n = kazakh::normalize("ә\u{00AD}б");
    /// assert_eq!(n.as_str(), "әб");
    /// assert_eq!(n.original_offset(2), 2); // before the soft hyphen
    /// assert_eq!(n.original_offset(4), 6);
    /// assert_eq!(n.original_offset(99), 6);
    /// ```
    pub fn original_offset(&self, normalized_offset: usize) -> usize {
        align::original_floor(&self.anchors, self.original, &self.text, normalized_offset)
    }

    /// Maps a byte offset of the original text to a byte offset of the
    /// normalized text, always on a character boundary of the normalized
    /// text. Never decreases; clamps; an offset inside or at the start of a
    /// removed or replaced character maps to where its replacement starts.
    ///
    /// ```
    /// let n = kazakh::normalize("бiрi");
    /// assert_eq!(n.as_str(), "бірі");
    /// assert_eq!(n.normalized_offset(3), 4); // "р"
    /// assert_eq!(n.normalized_offset(99), 8);
    /// ```
    pub fn normalized_offset(&self, original_offset: usize) -> usize {
        align::normalized_floor(&self.anchors, self.original, &self.text, original_offset)
    }

    /// Maps a span of the normalized text to the span of the original
    /// characters that produced it: the start goes to the start of the
    /// original character(s) behind the first normalized byte, the end to
    /// the end of those behind the last one. Removed characters are
    /// included only when they lie inside. An empty span maps to an empty
    /// span at [`original_offset`](Self::original_offset). Out-of-range
    /// offsets are clamped, so slicing the original with the result never
    /// panics.
    ///
    /// ```
    /// use kazakh::Span;
    /// let text = "бі\u{00AD}рi мен";
    /// let n = kazakh::normalize(text);
    /// assert_eq!(n.as_str(), "бірі мен");
    /// let word = n.original_span(Span::new(0, 8));
    /// assert_eq!(&text[word.range()], "бі\u{00AD}рi");
    /// let last = n.original_span(Span::new(6, 8)); // "і"
    /// assert_eq!(&text[last.range()], "i");
    /// ```
    pub fn original_span(&self, span: Span) -> Span {
        let len = self.text.len();
        let start = span.start.min(len);
        let end = span.end.min(len);
        if end <= start {
            let o = self.original_offset(start);
            return Span::new(o, o);
        }
        if self.anchors.is_empty() {
            return Span::new(
                align::floor_char(self.original, start),
                align::ceil_char(self.original, end),
            );
        }
        Span::new(
            align::original_start(&self.anchors, self.original, start),
            align::original_end(&self.anchors, self.original, end),
        )
    }
}

impl AsRef<str> for Normalized<'_> {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Normalized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A normalizer with each step switched on or off.
///
/// [`Normalizer::new`] (and `Default`) switches every step on, which is
/// what [`normalize`] uses.
///
/// ```
/// use kazakh::normalize::Normalizer;
/// let text = "бiрi — екі";
/// assert_eq!(Normalizer::new().normalize(text).as_str(), "бірі – екі");
/// let n = Normalizer::new().punctuation(false).normalize(text);
/// assert_eq!(n.as_str(), "бірі — екі");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Normalizer {
    lookalikes: bool,
    punctuation: bool,
    invisible: bool,
    nfc: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

impl Normalizer {
    /// A normalizer with every step on.
    pub const fn new() -> Normalizer {
        Normalizer {
            lookalikes: true,
            punctuation: true,
            invisible: true,
            nfc: true,
        }
    }

    /// Step 1: repair look-alike letters of the other script inside words.
    ///
    /// ```
    /// use kazakh::normalize::Normalizer;
    /// let off = Normalizer::new().lookalikes(false).normalize("бiрi");
    /// assert!(off.is_borrowed());
    /// ```
    pub fn lookalikes(&mut self, on: bool) -> &mut Normalizer {
        self.lookalikes = on;
        self
    }

    /// Step 2: fold typographic quotes, dashes and odd spaces.
    ///
    /// ```
    /// use kazakh::normalize::Normalizer;
    /// let n = Normalizer::new().punctuation(false).normalize("«Иә» — деді");
    /// assert!(n.is_borrowed());
    /// ```
    pub fn punctuation(&mut self, on: bool) -> &mut Normalizer {
        self.punctuation = on;
        self
    }

    /// Step 3: remove soft hyphens and zero-width characters.
    ///
    /// ```
    /// use kazakh::normalize::Normalizer;
    /// let n = Normalizer::new().invisible(false).normalize("Қа\u{00AD}зақ");
    /// assert!(n.is_borrowed());
    /// ```
    pub fn invisible(&mut self, on: bool) -> &mut Normalizer {
        self.invisible = on;
        self
    }

    /// Step 4: Unicode canonical composition (NFC).
    ///
    /// ```
    /// use kazakh::normalize::Normalizer;
    /// let n = Normalizer::new().nfc(false).normalize("и\u{0306}");
    /// assert!(n.is_borrowed());
    /// ```
    pub fn nfc(&mut self, on: bool) -> &mut Normalizer {
        self.nfc = on;
        self
    }

    /// Normalizes `text` with the steps that are on.
    ///
    /// ```
    /// use kazakh::normalize::Normalizer;
    /// let n = Normalizer::new().normalize("и\u{0306}ә");
    /// assert_eq!(n.as_str(), "йә");
    /// ```
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        pipeline::run(self, text)
    }
}

/// Normalizes `text` with every step on (see the [module docs](self)).
///
/// ```
/// let n = kazakh::normalize("мəселе");
/// assert_eq!(n.as_str(), "мәселе");
/// assert!(kazakh::normalize("Қазақстан").is_borrowed());
/// ```
pub fn normalize(text: &str) -> Normalized<'_> {
    Normalizer::new().normalize(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).into_string()
    }

    #[test]
    fn lookalike_rules() {
        let cases = [
            ("бiрi", "бірі"),
            ("Бiр", "Бір"),
            ("мəселе", "мәселе"),
            ("Əлем", "Әлем"),
            ("кɵл", "көл"),
            ("Ɵзен", "Өзен"),
            ("Шаhар", "Шаһар"),
            ("Kазақ", "Казақ"),
            ("Hұр-Сұлтан", "Нұр-Сұлтан"),
            ("Yкімет", "Үкімет"),
            ("Tүркістан", "Түркістан"),
            ("мектeп", "мектеп"),
            ("caғат", "сағат"),
            ("мәшїүр", "мәшһүр"),
            ("жиїанкез", "жиһанкез"),
            ("Ӏле", "Іле"),
            ("бӏр", "бір"),
            ("meіosіs", "meiosis"),
            ("Іnternet", "Internet"),
            ("ХV", "XV"),
            ("ХIХ", "ХІХ"),
            ("XІX", "XIX"),
            ("бi\u{00AD}рi", "бірі"),
            ("\u{212A}азақ", "Казақ"),
        ];
        for (input, want) in cases {
            assert_eq!(norm(input), want, "{input}");
        }
    }

    #[test]
    fn left_alone() {
        for s in [
            "Қазақстан",
            "Google",
            "COVID-19",
            "ХІХ ғасыр",
            "XIX",
            "XІ",
            "iPhoneға",
            "Appleдің",
            "QR-код",
            "Azərbaycan",
            "Сәлем, әлем! «Иә» – деді… 100 000 теңге.",
            "кітап\tжәне\nдәптер",
            "👨\u{200D}👩\u{200D}👧",
            "",
        ] {
            let n = normalize(s);
            assert_eq!(n.as_str(), s);
            assert!(n.is_borrowed(), "{s}");
        }
    }

    #[test]
    fn punctuation_rules() {
        let cases = [
            ("“Иә”", "\"Иә\""),
            ("„Иә“", "\"Иә\""),
            ("‘иә’", "'иә'"),
            ("Алма\u{2010}Ата", "Алма-Ата"),
            ("Алма\u{2011}Ата", "Алма-Ата"),
            ("−5", "-5"),
            ("ол — мен", "ол – мен"),
            ("1‒2", "1–2"),
            ("ол ― мен", "ол – мен"),
            ("100\u{00A0}000", "100 000"),
            ("100\u{202F}000", "100 000"),
            ("а\u{2009}б\u{3000}в\u{205F}г\u{2000}д", "а б в г д"),
        ];
        for (input, want) in cases {
            assert_eq!(norm(input), want, "{input}");
        }
    }

    #[test]
    fn invisible_rules() {
        let cases = [
            ("Қа\u{00AD}зақ", "Қазақ"),
            ("\u{FEFF}Сәлем", "Сәлем"),
            ("а\u{200B}б", "аб"),
            ("а\u{200C}б", "аб"),
            ("а\u{200D}б", "аб"),
            ("а\u{2060}б", "аб"),
            ("👨\u{200D}б", "👨б"),
            ("👨\u{200D}👩", "👨\u{200D}👩"),
            ("🏳\u{FE0F}\u{200D}🌈", "🏳\u{FE0F}\u{200D}🌈"),
        ];
        for (input, want) in cases {
            assert_eq!(norm(input), want, "{input:?}");
        }
    }

    #[test]
    fn nfc_rules() {
        let cases = [
            ("и\u{0306}", "й"),
            ("Қазақстандағы би\u{0306}ік", "Қазақстандағы бйік"),
            ("е\u{0308}", "ё"),
            // A Latin base turned Cyrillic composes with its mark.
            ("кy\u{0306}", "кў"),
            // Dropping a soft hyphen lets the mark reach its letter.
            ("и\u{00AD}\u{0306}", "й"),
            // і + U+0308 composes to ї, which step 1 then repairs.
            ("мәші\u{0308}үр", "мәшһүр"),
            ("=\u{0338}", "\u{2260}"),
            ("\u{212B}", "\u{00C5}"),
        ];
        for (input, want) in cases {
            assert_eq!(norm(input), want, "{input:?}");
        }
    }

    #[test]
    fn switches() {
        let text = "бiрi\u{00AD} “и\u{0306}”";
        let mut cfg = Normalizer::new();
        assert_eq!(cfg.normalize(text).as_str(), "бірі \"й\"");
        cfg.lookalikes(false);
        assert_eq!(cfg.normalize(text).as_str(), "бiрi \"й\"");
        cfg.lookalikes(true).punctuation(false);
        assert_eq!(cfg.normalize(text).as_str(), "бірі “й”");
        cfg.punctuation(true).invisible(false);
        assert_eq!(cfg.normalize(text).as_str(), "бірі\u{00AD} \"й\"");
        cfg.invisible(true).nfc(false);
        assert_eq!(cfg.normalize(text).as_str(), "бірі \"и\u{0306}\"");
        let none = *Normalizer::new()
            .lookalikes(false)
            .punctuation(false)
            .invisible(false)
            .nfc(false);
        assert!(none.normalize(text).is_borrowed());
        assert_eq!(Normalizer::default(), Normalizer::new());
    }

    #[test]
    fn soft_hyphen_offsets() {
        let text = "Қа\u{00AD}зақ тілі";
        let n = normalize(text);
        assert_eq!(n.as_str(), "Қазақ тілі");
        // "Қа" = 4 bytes; the soft hyphen (2 bytes) is gone.
        assert_eq!(n.original_offset(4), 4);
        assert_eq!(n.original_offset(6), 8);
        assert_eq!(n.normalized_offset(4), 4);
        assert_eq!(n.normalized_offset(5), 4);
        assert_eq!(n.normalized_offset(6), 4);
        assert_eq!(n.normalized_offset(8), 6);
        let word = n.original_span(Span::new(0, 10));
        assert_eq!(&text[word.range()], "Қа\u{00AD}зақ");
        let tail = n.original_span(Span::new(4, 10));
        assert_eq!(&text[tail.range()], "зақ");
        let head = n.original_span(Span::new(0, 4));
        assert_eq!(&text[head.range()], "Қа");
        let tili = n.original_span(Span::new(11, 19));
        assert_eq!(&text[tili.range()], "тілі");
        assert_eq!(n.original_offset(n.as_str().len()), text.len());
    }

    #[test]
    fn replaced_char_offsets() {
        let text = "бiрi";
        let n = normalize(text);
        assert_eq!(n.as_str(), "бірі");
        let map: Vec<usize> = (0..=8).map(|i| n.original_offset(i)).collect();
        assert_eq!(map, [0, 0, 2, 2, 3, 3, 5, 5, 6]);
        assert_eq!(n.original_span(Span::new(2, 4)), Span::new(2, 3));
        assert_eq!(n.original_span(Span::new(3, 5)), Span::new(2, 5));
        let back: Vec<usize> = (0..=6).map(|i| n.normalized_offset(i)).collect();
        assert_eq!(back, [0, 0, 2, 4, 4, 6, 8]);
    }

    #[test]
    fn nfc_segment_offsets() {
        let text = "ой и\u{0306}ә бол";
        let n = normalize(text);
        assert_eq!(n.as_str(), "ой йә бол");
        let s = n.original_span(Span::new(5, 9)); // "йә"
        assert_eq!(&text[s.range()], "и\u{0306}ә");
        let s = n.original_span(Span::new(5, 7)); // "й"
        assert!(text[s.range()].starts_with("и\u{0306}"));
        let s = n.original_span(Span::new(10, 16));
        assert_eq!(&text[s.range()], "бол");
    }

    #[test]
    fn clamps() {
        for text in ["", "бiрi", "Қазақ", "ә\u{00AD}"] {
            let n = normalize(text);
            for i in [0, 1, 3, 100, usize::MAX] {
                let o = n.original_offset(i);
                assert!(text.is_char_boundary(o));
                let m = n.normalized_offset(i);
                assert!(n.as_str().is_char_boundary(m));
                let s = n.original_span(Span::new(i, usize::MAX));
                assert!(text.get(s.range()).is_some());
                let s = n.original_span(Span::new(usize::MAX, i));
                assert!(text.get(s.range()).is_some());
            }
        }
    }

    #[test]
    fn idempotent_on_samples() {
        for s in [
            "бiрi мəселе Шаhар meіosіs",
            "і\u{0308}",
            "сi\u{0308}",
            "y\u{0306}к",
            "бі\u{200B}\u{0308}р",
            "👨\u{200D}\u{200B}👩",
        ] {
            let once = norm(s);
            assert_eq!(norm(&once), once, "{s:?}");
            assert!(normalize(&once).is_borrowed(), "{s:?}");
        }
    }
}
