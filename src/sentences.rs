//! Sentence segmentation over tokens (placeholder).

use crate::tokenizer::{tokenize, Token, Tokens};
use crate::Span;

/// One sentence: its span and its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence<'a> {
    text: &'a str,
    span: Span,
    tokens: Vec<Token<'a>>,
}

impl<'a> Sentence<'a> {
    /// The sentence's text, from its first token to its last.
    pub fn text(&self) -> &'a str {
        self.text
    }
    /// Byte offsets of the sentence in the input.
    pub fn span(&self) -> Span {
        self.span
    }
    /// The sentence's tokens.
    pub fn tokens(&self) -> &[Token<'a>] {
        &self.tokens
    }
}

/// Iterator over sentences; see [`sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    tokens: Tokens<'a>,
}

/// Splits `text` into sentences, each with its tokens.
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        tokens: tokenize(text),
    }
}

impl<'a> Iterator for Sentences<'a> {
    type Item = Sentence<'a>;
    fn next(&mut self) -> Option<Sentence<'a>> {
        let mut toks = Vec::new();
        for t in self.tokens.by_ref() {
            let end = t.text().ends_with('.');
            toks.push(t);
            if end {
                break;
            }
        }
        let first = toks.first()?;
        let span = Span::new(first.span().start, toks.last()?.span().end);
        Some(Sentence {
            text: &self.text[span.range()],
            span,
            tokens: toks,
        })
    }
}
