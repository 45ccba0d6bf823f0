//! Lossless tokenization of Kazakh text: [`tokenize`] runs the scanner
//! (`scan.rs`) over character classes (`chars.rs`), with the abbreviations
//! that keep their period (`abbrev.rs`) and the endings written after a
//! hyphen (`suffix.rs`, over the generated `endings.rs`).

use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly with hyphenated parts or an apostrophe.
    Word,
    /// Starts with a digit: integers, decimals, `15%`, `215-інің`.
    Number,
    /// An abbreviation or initials with their period: `млн.`, `т.б.`, `Н.Ә.`.
    Abbreviation,
    /// Punctuation: `. , ; : ! ? « » ( ) – —` and the like.
    Punct,
    /// Other symbols: `% $ ₸ + = /`, control characters.
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// `@name`.
    Mention,
    /// `#name`.
    Hashtag,
    /// An emoji, with its modifiers and joiners.
    Emoji,
}

impl TokenKind {
    /// Lower-case name, as used in JSON output.
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Abbreviation => "abbreviation",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Mention => "mention",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Emoji => "emoji",
        }
    }
}

/// One token: a slice of the input with its byte span and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token<'a> {
    text: &'a str,
    span: Span,
    kind: TokenKind,
}

impl<'a> Token<'a> {
    /// The token's text, a slice of the input.
    #[inline]
    pub fn text(&self) -> &'a str {
        self.text
    }
    /// Byte offsets of the token in the input.
    #[inline]
    pub fn span(&self) -> Span {
        self.span
    }
    /// The token's kind.
    #[inline]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }
}

/// Iterator over the tokens of a text; see [`tokenize`].
///
/// It borrows the text and allocates nothing.
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    /// The text being tokenized.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Byte offset where the search for the next token starts.
    pub fn offset(&self) -> usize {
        self.pos
    }
}

/// Splits `text` into tokens.
///
/// Tokenization is lossless: tokens come in order, do not overlap, and every
/// character that is not whitespace lies in exactly one token; no token
/// contains whitespace. Each token's text is a slice of `text` at its span.
/// The rules are listed in DESIGN.md.
///
/// ```
/// use kazakh::{tokenize, TokenKind};
///
/// let text = "Инфляция 3,2% болды.Бүгін 215-інің 30-жылдары";
/// let tokens: Vec<&str> = tokenize(text).map(|t| t.text()).collect();
/// assert_eq!(
///     tokens,
///     ["Инфляция", "3,2%", "болды", ".", "Бүгін", "215-інің", "30", "-", "жылдары"]
/// );
///
/// let first = tokenize(text).next().unwrap();
/// assert_eq!(first.kind(), TokenKind::Word);
/// assert_eq!(&text[first.span().range()], "Инфляция");
/// ```
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        let start = scan::skip_space(self.text, self.pos);
        if start >= self.text.len() {
            self.pos = self.text.len();
            return None;
        }
        let (end, kind) = scan::scan_fast(self.text, start);
        // The scanner always advances and ends on a char boundary; the
        // fallback keeps the iterator total even if that were ever violated.
        let (end, text) = match self.text.get(start..end) {
            Some(t) if end > start => (end, t),
            _ => {
                let len = self.text[start..].chars().next().map_or(1, char::len_utf8);
                (start + len, &self.text[start..start + len])
            }
        };
        self.pos = end;
        Some(Token {
            text,
            span: Span::new(start, end),
            kind,
        })
    }
}

impl core::iter::FusedIterator for Tokens<'_> {}

mod abbrev;
mod abbrev_table;
mod chars;
mod endings;
mod scan;
mod suffix;

pub(crate) use abbrev::{is_name_prefix, is_sentence_starter, is_sentence_starter_lowered};
pub(crate) use suffix::is_ending;

/// The signs a minus is written with against a number (`-5`, `−12`,
/// `–3`): the hyphen-minus, U+2212 MINUS SIGN and U+2013 EN DASH. The
/// tokenizer keeps one in a temperature's token where the number rules
/// read it as a minus, and the tagger sees it as a word of its own.
pub(crate) const MINUS_SIGNS: [char; 3] = ['-', '−', '–'];

/// Opening brackets and quotes against which a minus still counts
/// (`(-4°С)`, `(-0,5%)`).
pub(crate) const OPENERS: [&str; 4] = ["(", "[", "«", "“"];

/// The short quotations of a token sequence: for each opening quote
/// (`«`, `"`, `“`, `„`) whose closing quote comes within `window` tokens,
/// `each(open, close)` with their token indices, left to right and not
/// nested. `text(i)` gives token `i`'s text.
pub(crate) fn short_quotations<'t>(
    len: usize,
    text: impl Fn(usize) -> &'t str,
    window: usize,
    mut each: impl FnMut(usize, usize),
) {
    let mut k = 0;
    while k < len {
        let close = match text(k) {
            "«" => "»",
            "\"" => "\"",
            "“" => "”",
            "„" => "“",
            _ => {
                k += 1;
                continue;
            }
        };
        let limit = (k + window).min(len);
        match (k + 1..limit).find(|&m| text(m) == close) {
            Some(c) => {
                each(k, c);
                k = c + 1;
            }
            None => k += 1,
        }
    }
}

#[cfg(test)]
mod tests;
