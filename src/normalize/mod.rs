//! Opt-in normalization with an alignment back to the original text (placeholder).

use std::borrow::Cow;

/// Normalized text plus the alignment to the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
}

impl<'a> Normalized<'a> {
    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// Normalizes `text`.
pub fn normalize(text: &str) -> Normalized<'_> {
    Normalized {
        text: Cow::Borrowed(text),
    }
}
