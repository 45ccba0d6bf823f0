//! Nominal endings written after a hyphen: `215-інің`, `15%-ға`, `55-ші`,
//! `АҚШ-пен`. The tokenizer keeps such an ending in the number's or the
//! abbreviation's token, and splits off anything else (`30` `-` `жылдары`).

use core::cmp::Ordering;

use super::endings::ENDINGS;
use crate::letters::to_lower;

/// Byte length of the longest entry of [`ENDINGS`] (checked by a test).
/// Upper-case and lower-case Cyrillic letters are both two bytes long, so
/// a longer string cannot match.
const MAX_BYTES: usize = 46;

/// Whether `s` is a known ending, in any letter case (`ның`, `НЫҢ`, `Ның`).
pub(crate) fn is_ending(s: &str) -> bool {
    if s.is_empty() || s.len() > MAX_BYTES {
        return false;
    }
    // `s` lowered once, char by char, into bytes: UTF-8 orders byte
    // strings as it orders their chars, so comparing the entries' bytes
    // with these is `cmp_folded`, without lowering `s` again at every step
    // of the search.
    let mut buf = [0u8; 4 * MAX_BYTES];
    let mut n = 0;
    for c in s.chars() {
        let l = to_lower(c);
        let Some(out) = buf.get_mut(n..n + l.len_utf8()) else {
            return is_ending_folded(s);
        };
        n += l.encode_utf8(out).len();
    }
    let lowered = &buf[..n];
    ENDINGS
        .binary_search_by(|entry| entry.as_bytes().cmp(lowered))
        .is_ok()
}

/// [`is_ending`] by [`cmp_folded`] at every step.
fn is_ending_folded(s: &str) -> bool {
    ENDINGS
        .binary_search_by(|entry| cmp_folded(entry, s))
        .is_ok()
}

/// Compares a lower-case table entry with `s` lower-cased letter by letter.
/// Chars compare by code point, which is the byte order the table is
/// sorted in.
fn cmp_folded(entry: &str, s: &str) -> Ordering {
    entry.chars().cmp(s.chars().map(to_lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowered_bytes_find_what_the_folded_comparison_finds() {
        let mut tried: Vec<String> = Vec::new();
        for e in ENDINGS.iter().step_by(7) {
            let upper: String = e.chars().flat_map(char::to_uppercase).collect();
            let mut chars = e.chars();
            let first: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            tried.extend([
                e.to_string(),
                upper,
                first,
                format!("{e}ы"),
                format!("ʼ{e}"),
            ]);
            tried.push(e.chars().skip(1).collect());
        }
        tried.extend(["", "Ⱥ", "İН", "ẞ", "😀", "Ǆ", "ның\u{301}"].map(String::from));
        for s in &tried {
            assert_eq!(
                is_ending(s),
                is_ending_folded(s) && s.len() <= MAX_BYTES,
                "{s:?}"
            );
        }
    }

    #[test]
    fn table_is_sorted_and_bounded() {
        assert!(ENDINGS.windows(2).all(|w| w[0] < w[1]));
        let longest = ENDINGS.iter().map(|e| e.len()).max().unwrap_or(0);
        assert_eq!(MAX_BYTES, longest, "update MAX_BYTES to the table");
    }

    #[test]
    fn endings_are_accepted() {
        for s in [
            "інің",
            "ның",
            "нің",
            "ге",
            "ға",
            "ке",
            "қа",
            "ші",
            "шы",
            "інші",
            "нші",
            "ыншы",
            "сыншы",
            "пен",
            "мен",
            "бен",
            "менен",
            "ы",
            "і",
            "сы",
            "нан",
            "ден",
            "тен",
            "еу",
            "еуі",
            "ау",
            "ауы",
            "еуінің",
            "ті",
            "ды",
            "ін",
            "ына",
            "ында",
            "лер",
            "дардың",
            "ларының",
            "тері",
            "дағы",
            "тегі",
            "ндағы",
            "ншіден",
            "ншісіне",
            "дей",
            "тейі",
            "даған",
            "ақ",
            "тік",
            "ма",
            "ме",
        ] {
            assert!(is_ending(s), "{s:?} should be an ending");
        }
    }

    #[test]
    fn any_letter_case() {
        for s in [
            "ПЕН", "НЫҢ", "Ның", "ІНІҢ", "ҒА", "ҚА", "ӘР", "ЕУІ", "ДАҒЫ", "НШІ", "Ші", "ЫНШЫ",
        ] {
            assert_eq!(is_ending(s), is_ending(&s.to_lowercase()), "{s:?}");
        }
        assert!(is_ending("ПЕН"));
        assert!(is_ending("НЫҢ"));
        assert!(is_ending("ДАҒЫ"));
        assert!(is_ending("ІНШІ"));
    }

    #[test]
    fn words_and_junk_are_rejected() {
        for s in [
            "жылдары",
            "ЖЫЛДАРЫ",
            "кезеңінің",
            "жылы",
            "кезең",
            "үй",
            "мамыр",
            "қазан",
            "шілде",
            "аудан",
            "дейін",
            "adam",
            "",
            "-",
            "1",
            "19",
            "2019",
            "нің-",
            "н",
            "м",
            "не",
            "nin",
            "ның ",
            "і\u{301}",
        ] {
            assert!(!is_ending(s), "{s:?} should not be an ending");
        }
    }

    #[test]
    fn long_input_is_rejected() {
        let long = "ы".repeat(MAX_BYTES);
        assert!(!is_ending(&long));
        let longest = ENDINGS
            .iter()
            .max_by_key(|e| e.len())
            .copied()
            .unwrap_or("");
        assert!(is_ending(longest));
        assert!(is_ending(&longest.to_uppercase()));
    }
}
