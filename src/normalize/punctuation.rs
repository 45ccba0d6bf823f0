//! Step 2: typographic punctuation and odd spaces.
//!
//! | characters | become |
//! |---|---|
//! | “ ” „ ‟ (U+201C–U+201F) | `"` |
//! | ‘ ’ ‚ ‛ (U+2018–U+201B) | `'` |
//! | hyphens ‐ ‑ (U+2010, U+2011), minus − (U+2212), small and full-width hyphen-minus (U+FE63, U+FF0D) | `-` |
//! | dashes ‒ — ― (U+2012, U+2014, U+2015), ⸺ ⸻ (U+2E3A, U+2E3B), small em dash (U+FE58) | `–` (U+2013 en dash) |
//! | no-break space U+00A0, U+2000–U+200A, narrow no-break space U+202F, U+205F, ideographic space U+3000 | ` ` |
//!
//! Curly double quotes fold to the straight `"` rather than to « »: the
//! direction of “ and „ differs between typographic traditions (in
//! Russian-style „…“ the “ closes), so no pairing can be trusted.
//! Guillemets « », the en dash and the ellipsis … are kept as they are: the
//! en dash stays distinct from the hyphen (it separates words, the hyphen
//! joins them), and … is a single sentence-final character that the sentence
//! splitter already understands, so expanding it to `...` would only shift
//! offsets. Tabs and line breaks are not touched.

/// The folded form of `c`, if it is one of the characters above.
#[inline]
pub(crate) fn fold(c: char) -> Option<char> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2012}' | '\u{2014}' | '\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}' => '\u{2013}',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds() {
        let cases = [
            ('“', Some('"')),
            ('”', Some('"')),
            ('„', Some('"')),
            ('’', Some('\'')),
            ('‚', Some('\'')),
            ('\u{2010}', Some('-')),
            ('\u{2011}', Some('-')),
            ('−', Some('-')),
            ('—', Some('–')),
            ('―', Some('–')),
            ('‒', Some('–')),
            ('\u{00A0}', Some(' ')),
            ('\u{2009}', Some(' ')),
            ('\u{202F}', Some(' ')),
            ('\u{3000}', Some(' ')),
            ('–', None),
            ('«', None),
            ('»', None),
            ('…', None),
            ('\t', None),
            ('-', None),
        ];
        for (c, want) in cases {
            assert_eq!(fold(c), want, "{c:?}");
        }
    }

    #[test]
    fn outputs_are_fixed_points() {
        for u in 0..0x11_0000u32 {
            if let Some(r) = char::from_u32(u).and_then(fold) {
                assert_eq!(fold(r), None);
            }
        }
    }
}
