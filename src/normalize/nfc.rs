//! Step 4: Unicode canonical composition (NFC).
//!
//! NFC runs last because the earlier steps can create new composable
//! sequences: dropping a soft hyphen between a letter and a combining mark,
//! or turning a Latin base letter into a Cyrillic one that has a precomposed
//! form with the following mark (у + U+0306 → ў). It only runs on the few
//! segments that contain a character which is not a *stable starter*
//! (canonical combining class 0 and NFC quick-check Yes); text made of
//! stable starters is already in NFC, and NFC never acts across a stable
//! starter, so every such segment can be composed on its own.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Whether `c` is a stable starter: nothing before it can compose with it
/// or be reordered across it.
#[inline]
pub(crate) fn is_stable(c: char) -> bool {
    // Below U+0300 every character has class 0 and quick-check Yes.
    if (c as u32) < 0x300 || super::lookalikes::is_plain_cyrillic(c) {
        return true;
    }
    canonical_combining_class(c) == 0 && is_nfc_quick(core::iter::once(c)) == IsNormalized::Yes
}

/// Whether `s` is in NFC (allocation-free in the common cases).
#[inline]
pub(crate) fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc(s)
}

/// The NFC form of `s`.
pub(crate) fn to_nfc(s: &str) -> String {
    s.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_tables() {
        for u in (0..0x300u32).chain(0x400..0x500) {
            let Some(c) = char::from_u32(u) else { continue };
            if u < 0x300 || super::super::lookalikes::is_plain_cyrillic(c) {
                assert_eq!(canonical_combining_class(c), 0, "{u:X}");
                assert_eq!(
                    is_nfc_quick(core::iter::once(c)),
                    IsNormalized::Yes,
                    "{u:X}"
                );
            }
        }
    }

    #[test]
    fn stable_starters() {
        assert!(is_stable('a'));
        assert!(is_stable('қ'));
        assert!(is_stable('й'));
        assert!(!is_stable('\u{0306}'));
        assert!(!is_stable('\u{2000}'));
        assert!(!is_stable('\u{212A}'));
        assert_eq!(to_nfc("и\u{0306}"), "й");
        assert!(is_nfc("Қазақстан"));
        assert!(!is_nfc("и\u{0306}"));
    }
}
