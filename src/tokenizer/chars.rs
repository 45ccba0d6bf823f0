//! Character classes for the scanner.
//!
//! ASCII bytes are classified by a 128-entry table built at compile time;
//! the Cyrillic block U+0400–U+04FF, which is most of Kazakh text, is
//! recognised from its two-byte UTF-8 form without decoding; every other
//! character goes through [`classify`].

/// The class of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// `char::is_whitespace`.
    Space,
    /// A letter (any script).
    Letter,
    /// A decimal digit or other numeric character.
    Digit,
    /// Joins the previous character: combining marks, variation selectors,
    /// zero-width joiners, soft hyphen, emoji skin tones.
    Extend,
    /// Punctuation.
    Punct,
    /// Any other symbol or control character.
    Symbol,
    /// A pictographic emoji.
    Emoji,
    /// A regional indicator letter (two make a flag).
    Regional,
}

const fn ascii_table() -> [Class; 128] {
    let mut t = [Class::Symbol; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            Class::Space
        } else if matches!(
            c,
            b'.' | b','
                | b';'
                | b':'
                | b'!'
                | b'?'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'"'
                | b'\''
                | b'-'
        ) {
            Class::Punct
        } else {
            Class::Symbol
        };
        b += 1;
    }
    t
}

/// Classes of the ASCII bytes.
pub(crate) static ASCII: [Class; 128] = ascii_table();

/// Classifies any character.
pub(crate) fn classify(c: char) -> Class {
    let u = c as u32;
    if u < 0x80 {
        return ASCII[u as usize];
    }
    if (0x400..=0x4FF).contains(&u) {
        // The whole block is word characters: letters, the combining
        // marks U+0483–U+0489, and U+0482 (the thousands sign, treated as
        // a letter so that the byte scanner needs no exception).
        return if (0x483..=0x489).contains(&u) {
            Class::Extend
        } else {
            Class::Letter
        };
    }
    if c.is_whitespace() {
        return Class::Space;
    }
    match u {
        0xAD | 0x200B..=0x200D | 0x2060 | 0xFEFF | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF => {
            return Class::Extend
        }
        0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F => return Class::Extend,
        0x1F1E6..=0x1F1FF => return Class::Regional,
        0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF => return Class::Punct,
        0x2010..=0x2027 | 0x2030..=0x205E | 0x2E00..=0x2E7F | 0x3001..=0x3003 => {
            return Class::Punct
        }
        0x3008..=0x3011 | 0x3014..=0x301F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 => {
            return Class::Punct
        }
        0x2600..=0x27BF | 0x1F000..=0x1FAFF | 0x2B50 | 0x2B55 | 0x231A | 0x231B => {
            return Class::Emoji
        }
        0x2328 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA | 0x3030 | 0x303D => {
            return Class::Emoji
        }
        _ => {}
    }
    if unicode_normalization::char::is_combining_mark(c) {
        Class::Extend
    } else if c.is_alphabetic() {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else {
        Class::Symbol
    }
}

/// Decodes the character starting at byte `i` of `s` (which must be a char
/// boundary), returning it and its length; `None` at the end.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Whether `c` is a lower-case letter (used to tell abbreviations and
/// continuations from sentence starts).
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

/// Hyphens that join the parts of a word: ASCII hyphen-minus, U+2010
/// HYPHEN, U+2011 NON-BREAKING HYPHEN.
#[inline]
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Apostrophes that may stand inside a word (Latin-script Kazakh, names).
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let cases = [
            ('а', Class::Letter),
            ('ә', Class::Letter),
            ('Ғ', Class::Letter),
            ('қ', Class::Letter),
            ('Ң', Class::Letter),
            ('ө', Class::Letter),
            ('ұ', Class::Letter),
            ('Ү', Class::Letter),
            ('һ', Class::Letter),
            ('І', Class::Letter),
            ('z', Class::Letter),
            ('é', Class::Letter),
            ('ə', Class::Letter),
            ('7', Class::Digit),
            (' ', Class::Space),
            ('\u{a0}', Class::Space),
            ('\u{2009}', Class::Space),
            ('\u{3000}', Class::Space),
            ('\u{ad}', Class::Extend),
            ('\u{301}', Class::Extend),
            ('\u{483}', Class::Extend),
            ('\u{200d}', Class::Extend),
            ('«', Class::Punct),
            ('»', Class::Punct),
            ('–', Class::Punct),
            ('—', Class::Punct),
            ('…', Class::Punct),
            ('“', Class::Punct),
            ('.', Class::Punct),
            ('%', Class::Symbol),
            ('₸', Class::Symbol),
            ('$', Class::Symbol),
            ('😀', Class::Emoji),
            ('❤', Class::Emoji),
            ('\u{1F3FD}', Class::Extend),
            ('\u{1F1F0}', Class::Regional),
            ('\u{1}', Class::Symbol),
        ];
        for (c, want) in cases {
            assert_eq!(classify(c), want, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn ascii_table_agrees_with_classify_for_every_byte() {
        for b in 0u8..128 {
            let c = b as char;
            let want = if c.is_whitespace() {
                Class::Space
            } else if c.is_ascii_alphabetic() {
                Class::Letter
            } else if c.is_ascii_digit() {
                Class::Digit
            } else {
                ASCII[b as usize]
            };
            assert_eq!(ASCII[b as usize], want, "byte {b}");
        }
    }
}
