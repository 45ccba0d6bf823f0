//! Lossless tokenization of Kazakh text (placeholder implementation; the
//! real scanner replaces it).

use crate::Span;

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
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;
    fn next(&mut self) -> Option<Token<'a>> {
        let rest = &self.text[self.pos..];
        let skip = rest.len() - rest.trim_start().len();
        let start = self.pos + skip;
        if start >= self.text.len() {
            self.pos = self.text.len();
            return None;
        }
        let rest = &self.text[start..];
        let end = start
            + rest
                .char_indices()
                .find(|(_, c)| c.is_whitespace())
                .map_or(rest.len(), |(i, _)| i);
        self.pos = end;
        Some(Token {
            text: &self.text[start..end],
            span: Span::new(start, end),
            kind: TokenKind::Word,
        })
    }
}
