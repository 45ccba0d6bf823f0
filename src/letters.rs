//! Letters and their case: the one case table of the Cyrillic block, and
//! case-insensitive comparisons that allocate nothing. Used by the
//! tokenizer, morphology, numbers and NER alike.

/// The case table of the Cyrillic block U+0400–U+04FF: the code point of
/// the lower-case letter of `u`, or `u` itself when it has none (a
/// lower-case letter, a sign or a combining mark). Matches
/// `char::to_lowercase` on the whole block (see the tests).
#[inline]
const fn cyrillic_lower(u: u32) -> u32 {
    match u {
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x4C0 => 0x4CF,
        // Pairs with the capital on the even code point.
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF if u % 2 == 0 => u + 1,
        // Pairs with the capital on the odd code point.
        0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        _ => u,
    }
}

/// [`cyrillic_lower`] of U+0400 + i, less U+0400, for each of the block's
/// 256 code points.
const CYRILLIC_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (cyrillic_lower(0x400 + i as u32) - 0x400) as u8;
        i += 1;
    }
    t
};

/// The lower-case form of the Cyrillic letter (U+0400..U+04FF) of two
/// UTF-8 bytes, `lead` (0xD0 to 0xD3) and `cont`: [`to_lower`] by a table.
#[inline]
pub(crate) fn cyrillic_lower_bytes(lead: u8, cont: u8) -> char {
    char::from_u32(cyrillic_lower_at(cyrillic_offset(lead, cont))).unwrap_or('\0')
}

/// The offset from U+0400 of the Cyrillic letter of two UTF-8 bytes,
/// `lead` (0xD0 to 0xD3) and `cont`: 0 to 255.
#[inline]
fn cyrillic_offset(lead: u8, cont: u8) -> usize {
    usize::from(lead & 3) << 6 | usize::from(cont & 0x3F)
}

/// The lower case of U+0400 + `at` (`at` below 256), by the table: one
/// load where the match takes several tests.
#[inline]
fn cyrillic_lower_at(at: usize) -> u32 {
    0x400 + u32::from(CYRILLIC_LOWER.get(at).copied().unwrap_or(at as u8))
}

/// The lower-case form of `c` when it is a single character, else `c`.
/// ASCII and the Cyrillic block (Russian and Kazakh letters) are mapped by
/// arithmetic; other characters go through `char::to_lowercase`.
#[inline]
pub(crate) fn to_lower(c: char) -> char {
    let u = c as u32;
    let mapped = if u < 0x80 {
        if (0x41..=0x5A).contains(&u) {
            u + 0x20
        } else {
            u
        }
    } else if (0x400..=0x4FF).contains(&u) {
        cyrillic_lower_at((u - 0x400) as usize)
    } else {
        return to_lower_other(c);
    };
    char::from_u32(mapped).unwrap_or(c)
}

/// [`to_lower`] outside ASCII and Cyrillic: rare in Kazakh text, kept out
/// of line so that the common path inlines.
#[cold]
#[inline(never)]
fn to_lower_other(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Lower-cases `s` into `buf` with [`to_lower`], without allocating;
/// `None` when it does not fit.
///
/// ASCII and the Cyrillic block (two bytes led by 0xD0 to 0xD3, lowered
/// by [`cyrillic_lower_bytes`] to two bytes again) are read as bytes; any
/// other char is decoded and lowered by [`to_lower`].
pub(crate) fn to_lower_str<'b>(s: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let b = s.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            *buf.get_mut(n)? = x.to_ascii_lowercase();
            i += 1;
            n += 1;
        } else if (0xD0..=0xD3).contains(&x) {
            let l = cyrillic_lower_bytes(x, *b.get(i + 1)?) as u32;
            let out = buf.get_mut(n..n + 2)?;
            out[0] = 0xC0 | (l >> 6) as u8;
            out[1] = 0x80 | (l & 0x3F) as u8;
            i += 2;
            n += 2;
        } else {
            let c = s.get(i..)?.chars().next()?;
            let l = to_lower(c);
            let len = l.len_utf8();
            l.encode_utf8(buf.get_mut(n..n + len)?);
            i += c.len_utf8();
            n += len;
        }
    }
    core::str::from_utf8(&buf[..n]).ok()
}

/// `s` in lower case as [`to_lower_str`] gives it, or `s` itself when it
/// has no letter to lower (most words of prose): then nothing is copied or
/// validated. `None` when a lowered copy does not fit `buf`.
pub(crate) fn to_lower_or_same<'a>(s: &'a str, buf: &'a mut [u8]) -> Option<&'a str> {
    if is_lower_cased(s) {
        Some(s)
    } else {
        to_lower_str(s, buf)
    }
}

/// Whether [`to_lower`] leaves every char of `s` as it is (see
/// [`some_cased`]).
fn is_lower_cased(s: &str) -> bool {
    !some_cased(s, |s| s.chars().any(|c| to_lower(c) != c))
}

/// Whether some char of `s` changes in lower case. ASCII and the Cyrillic
/// block (two bytes led by 0xD0 to 0xD3) are read as bytes; a text with
/// other chars is given to `rest` whole, to be read char by char.
fn some_cased(s: &str, rest: impl Fn(&str) -> bool) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if x.is_ascii_uppercase() {
                return true;
            }
            i += 1;
        } else if (0xD0..=0xD3).contains(&x) && i + 1 < b.len() {
            // A capital is a letter whose lower case is another.
            let at = cyrillic_offset(x, b[i + 1]);
            if cyrillic_lower_at(at) != 0x400 + at as u32 {
                return true;
            }
            i += 2;
        } else {
            return rest(s);
        }
    }
    false
}

/// If `s` starts with `prefix` (lower case) ignoring the case of `s`, the
/// rest of `s`. Allocates nothing.
pub(crate) fn strip_prefix_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    // ASCII and the Cyrillic block are compared as bytes (a char of the
    // block is two bytes, lowered to two through the table); from the
    // first other char of `s` on, char by char.
    let (b, p) = (s.as_bytes(), prefix.as_bytes());
    let (mut i, mut j) = (0, 0);
    while j < p.len() {
        let x = *b.get(i)?;
        if x < 0x80 {
            if p[j] != x.to_ascii_lowercase() {
                return None;
            }
            i += 1;
            j += 1;
        } else if (0xD0..=0xD3).contains(&x) {
            let mut l = [0u8; 4];
            let l = cyrillic_lower_bytes(x, *b.get(i + 1)?).encode_utf8(&mut l);
            if p.get(j..j + 2) != Some(l.as_bytes()) {
                return None;
            }
            i += 2;
            j += 2;
        } else {
            return strip_prefix_ci_chars(s.get(i..)?, prefix.get(j..)?);
        }
    }
    s.get(i..)
}

/// [`strip_prefix_ci`] char by char.
fn strip_prefix_ci_chars<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let mut rest = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = rest.next()?;
        if to_lower(c) != p {
            return None;
        }
    }
    Some(rest.next().map_or("", |(i, _)| &s[i..]))
}

/// Whether `s` equals `lower` (lower case) ignoring the case of `s`.
pub(crate) fn eq_ci(s: &str, lower: &str) -> bool {
    strip_prefix_ci(s, lower).is_some_and(str::is_empty)
}

/// Whether `c` is an upper-case letter; fast for ASCII and Cyrillic.
pub(crate) fn is_upper(c: char) -> bool {
    let u = c as u32;
    match u {
        0..=0x7F => c.is_ascii_uppercase(),
        0x0400..=0x04FF => cyrillic_lower_at((u - 0x400) as usize) != u,
        _ => c.is_uppercase(),
    }
}

/// Whether `c` is a letter; fast for ASCII and Cyrillic.
pub(crate) fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x0400..=0x0481 | 0x048A..=0x04FF => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether some char of `s` is [`is_upper`] (see [`some_cased`]).
pub(crate) fn has_upper(s: &str) -> bool {
    some_cased(s, |s| s.chars().any(is_upper))
}

/// Lower-cases `word` letter by letter where the lower-case letter has the
/// same UTF-8 length, so that byte offsets stay valid. Borrowed when there
/// is nothing to change.
pub(crate) fn fold_lower(word: &str) -> std::borrow::Cow<'_, str> {
    // One pass over the bytes, as in [`some_cased`]: ASCII and the
    // Cyrillic block (two bytes led by 0xD0 to 0xD3, lowered within the
    // block to two bytes again, so the lengths stay) are read as bytes up
    // to the first capital; a word with another char before any capital
    // is read char by char from there.
    let b = word.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            if x.is_ascii_uppercase() {
                break;
            }
            i += 1;
        } else if let (0xD0..=0xD3, Some(&y)) = (x, b.get(i + 1)) {
            let at = cyrillic_offset(x, y);
            if cyrillic_lower_at(at) != 0x400 + at as u32 {
                break;
            }
            i += 2;
        } else {
            if !word.get(i..).unwrap_or("").chars().any(is_upper) {
                return std::borrow::Cow::Borrowed(word);
            }
            break;
        }
    }
    if i >= b.len() {
        return std::borrow::Cow::Borrowed(word);
    }
    // The letters before the first capital as they are, then the rest
    // lowered: ASCII and Cyrillic as bytes, any other char from the first
    // on char by char.
    let mut out = String::with_capacity(word.len());
    out.push_str(word.get(..i).unwrap_or(""));
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            out.push(char::from(x.to_ascii_lowercase()));
            i += 1;
        } else if let (0xD0..=0xD3, Some(&y)) = (x, b.get(i + 1)) {
            out.push(cyrillic_lower_bytes(x, y));
            i += 2;
        } else {
            break;
        }
    }
    for c in word.get(i..).unwrap_or("").chars() {
        if !is_upper(c) {
            out.push(c);
            continue;
        }
        // `to_lower` is `char::to_lowercase` when that is one char, by
        // arithmetic for ASCII and Cyrillic.
        let l = to_lower(c);
        out.push(if l.len_utf8() == c.len_utf8() { l } else { c });
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_prefix_ci_by_bytes_agrees_with_the_chars() {
        let words = [
            "",
            "а",
            "Алматы",
            "АЛМАТЫҒА",
            "алматыға",
            "Ølsen",
            "İstanbul",
            "ǅemal",
            "Ⱥa",
            "ABCd",
            "Қ😀ала",
            "ЁЛКА",
            "ёлка",
            "Ѐ",
            "ӀӏӀ",
            "x\u{301}y",
        ];
        let mut prefixes: Vec<String> = Vec::new();
        // Each word's first letters in lower case and as written.
        for w in words {
            let lower: String = w.chars().map(to_lower).collect();
            for n in 0..=w.chars().count() {
                prefixes.push(lower.chars().take(n).collect());
                prefixes.push(w.chars().take(n).collect());
            }
        }
        prefixes.extend(["ё", "Ё", "i̇", "ø", "ⱥa", "ab"].map(String::from));
        for w in words {
            for p in &prefixes {
                assert_eq!(
                    strip_prefix_ci(w, p),
                    strip_prefix_ci_chars(w, p),
                    "{w:?} {p:?}"
                );
            }
        }
    }

    #[test]
    fn cyrillic_lower_bytes_agrees_with_to_lower() {
        for c in (0x400..0x500).filter_map(char::from_u32) {
            let mut b = [0u8; 4];
            let [lead, cont] = *c.encode_utf8(&mut b).as_bytes() else {
                panic!("{c} is not two bytes");
            };
            assert_eq!(cyrillic_lower_bytes(lead, cont), to_lower(c), "{c}");
        }
    }

    #[test]
    fn to_lower_agrees_with_std_on_the_cyrillic_block_and_ascii() {
        for u in (0..0x80).chain(0x400..0x500) {
            let Some(c) = char::from_u32(u) else { continue };
            let mut std_lower = c.to_lowercase();
            let want = match (std_lower.next(), std_lower.next()) {
                (Some(l), None) => l,
                _ => c,
            };
            assert_eq!(to_lower(c), want, "U+{u:04X}");
        }
        assert_eq!(to_lower('Ä'), 'ä');
    }

    #[test]
    fn is_upper_agrees_with_std_on_the_cyrillic_block_and_ascii() {
        for u in (0..0x80).chain(0x400..0x500) {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_upper(c), c.is_uppercase(), "U+{u:04X}");
        }
    }

    #[test]
    fn to_lower_str_lowers_each_char_as_to_lower_does() {
        let mut chars: Vec<char> = (0..0x80)
            .chain(0x400..0x500)
            .chain([0xC4, 0x130, 0x1E9E, 0x2160, 0x10400, 0x1F642])
            .filter_map(char::from_u32)
            .collect();
        // Every char alone, all of them in one string, and mixed pairs.
        let mut texts: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
        texts.push(chars.iter().collect());
        chars.reverse();
        texts.push(chars.chunks(3).flat_map(|w| w.iter().rev()).collect());
        texts.extend(["ҚАЗАҚСТАН-ға", "İstanbul", "ÄЁӘ1", ""].map(String::from));
        for text in &texts {
            let want: String = text.chars().map(to_lower).collect();
            let mut buf = [0u8; 2048];
            assert_eq!(
                to_lower_str(text, &mut buf),
                Some(want.as_str()),
                "{text:?}"
            );
            // The same text, borrowed when it is lower case already.
            let mut other = [0u8; 2048];
            let same = to_lower_or_same(text, &mut other);
            assert_eq!(same, Some(want.as_str()), "{text:?}");
            assert_eq!(is_lower_cased(text), *text == want, "{text:?}");
            if *text == want {
                assert_eq!(same.map(str::as_ptr), Some(text.as_ptr()), "{text:?}");
            }
            // A buffer one byte short gives nothing.
            if !want.is_empty() {
                let mut short = vec![0u8; want.len() - 1];
                assert_eq!(to_lower_str(text, &mut short), None, "{text:?}");
            }
        }
    }

    /// Short texts around each ASCII and Cyrillic char and some others
    /// (cased without a lower case of the same length, uncased, astral):
    /// alone, after and before Kazakh letters, after a Latin letter.
    fn case_samples() -> Vec<String> {
        (0..0x80)
            .chain(0x400..0x500)
            .chain([0xC4, 0xE4, 0x130, 0x1C5, 0x1E9E, 0x2160, 0x10400, 0x1F642])
            .filter_map(char::from_u32)
            .flat_map(|c| {
                [
                    c.to_string(),
                    format!("ақ{c}"),
                    format!("{c}ә1"),
                    format!("é{c}"),
                ]
            })
            .collect()
    }

    #[test]
    fn fold_lower_by_bytes_agrees_with_the_chars() {
        for text in case_samples() {
            // Borrowed exactly when no char is a capital; else each
            // capital lowered where the length stays.
            let folded = fold_lower(&text);
            let borrowed = matches!(folded, std::borrow::Cow::Borrowed(_));
            assert_eq!(borrowed, !text.chars().any(is_upper), "{text:?}");
            let want: String = text
                .chars()
                .map(|c| match to_lower(c) {
                    l if is_upper(c) && l.len_utf8() == c.len_utf8() => l,
                    _ => c,
                })
                .collect();
            assert_eq!(folded, want, "{text:?}");
        }
        assert!(matches!(fold_lower(""), std::borrow::Cow::Borrowed("")));
    }

    #[test]
    fn has_upper_agrees_with_is_upper() {
        for text in case_samples() {
            assert_eq!(has_upper(&text), text.chars().any(is_upper), "{text:?}");
        }
        assert!(!has_upper(""));
    }

    #[test]
    fn fold_lower_keeps_byte_offsets() {
        assert_eq!(fold_lower("қазақ"), "қазақ");
        assert_eq!(fold_lower("ҚАЗАҚСТАН"), "қазақстан");
        assert_eq!(fold_lower("İstanbul").len(), "İstanbul".len());
        assert!(is_letter('ә') && !is_letter('\u{483}') && !is_letter('7'));
    }

    #[test]
    fn fold_lower_lowers_as_std_where_the_length_stays() {
        // Each char with a capital before it, so that the word is folded.
        for u in (0..0x3000).chain(0x10400..0x10500).chain(0x1E900..0x1E922) {
            let Some(c) = char::from_u32(u) else { continue };
            let mut lower = c.to_lowercase();
            let want = match (lower.next(), lower.next()) {
                (Some(l), None) if c.is_uppercase() && l.len_utf8() == c.len_utf8() => l,
                _ => c,
            };
            assert_eq!(
                fold_lower(&format!("Ä{c}")),
                format!("ä{want}"),
                "U+{u:04X}"
            );
        }
    }
}
