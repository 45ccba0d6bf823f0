//! Step 3: invisible characters.
//!
//! Dropped: soft hyphen U+00AD (Wikipedia text has them inside words),
//! zero-width space U+200B, zero-width non-joiner U+200C, word joiner
//! U+2060, byte-order mark / zero-width no-break space U+FEFF, and the
//! zero-width joiner U+200D except between two pictographic emoji, where it
//! builds one emoji out of several (👨‍👩‍👧); variation selectors and skin-tone
//! modifiers before the joiner belong to the emoji on its left.
//!
//! None of these characters carries meaning in Kazakh text. Scripts that do
//! need ZWNJ or ZWJ between letters (Persian, Indic scripts) lose them, so
//! switch this step off for such text.

/// The zero-width joiner.
pub(crate) const ZWJ: char = '\u{200D}';

/// Whether `c` is one of the invisible characters this step removes
/// (the joiner only outside emoji).
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Whether a zero-width joiner between `before` and `after` joins emoji and
/// must be kept.
pub(crate) fn joins_emoji(before: &str, after: &str) -> bool {
    let left = before.chars().rev().find(|&c| !is_emoji_extender(c));
    left.is_some_and(is_pictographic) && after.chars().next().is_some_and(is_pictographic)
}

/// Variation selectors, skin tones and the keycap mark, which extend the
/// emoji before them.
fn is_emoji_extender(c: char) -> bool {
    matches!(
        c,
        '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}'
    )
}

/// A pictographic emoji (an approximation of `Extended_Pictographic`).
fn is_pictographic(c: char) -> bool {
    matches!(
        c as u32,
        0xA9 | 0xAE
            | 0x203C
            | 0x2049
            | 0x2122
            | 0x2139
            | 0x2194..=0x21AA
            | 0x231A..=0x23FF
            | 0x24C2
            | 0x25AA..=0x25FE
            | 0x2600..=0x27BF
            | 0x2934
            | 0x2935
            | 0x2B05..=0x2B55
            | 0x3030
            | 0x303D
            | 0x3297
            | 0x3299
            | 0x1F000..=0x1FAFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_set() {
        for c in [
            '\u{00AD}', '\u{200B}', '\u{200C}', ZWJ, '\u{2060}', '\u{FEFF}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in [' ', '\u{00A0}', '\u{200E}', 'a', 'ә'] {
            assert!(!is_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn joiner_context() {
        assert!(joins_emoji("👨", "👩"));
        assert!(joins_emoji("🏳\u{FE0F}", "🌈"));
        assert!(joins_emoji("👋🏽", "♂\u{FE0F}"));
        assert!(!joins_emoji("а", "б"));
        assert!(!joins_emoji("👨", "б"));
        assert!(!joins_emoji("", "👩"));
        assert!(!joins_emoji("👨", ""));
    }
}
