//! Abbreviations that keep their period.
//!
//! Sources: the abbreviations listed in the project's Kazakh facts (ж., жж.,
//! ғ., млн, млрд, трлн, т.б.) and the short forms common in Kazakh reference
//! prose (cardinal directions, fields of science, academic titles). Single
//! letters (initials, `т.`, `б.`) and dotted chains (`т.с.с.`) are recognised
//! by rule in the scanner and need no entry here.

use crate::letters::to_lower;

/// Lower-case abbreviations, without their final period.
static ABBREVIATIONS: &[&str] = &[
    "ағыл",
    "акад",
    "ауд",
    "бат",
    "гг",
    "грек",
    "доц",
    "әлеум",
    "жж",
    "им",
    "кг",
    "км",
    "көш",
    "лат",
    "млн",
    "млрд",
    "мм",
    "мыс",
    "обл",
    "оңт",
    "орт",
    "проф",
    "сағ",
    "см",
    "солт",
    "сын",
    "тех",
    "трлн",
    "ул",
    "филос",
    "хим",
    "шақ",
    "шығ",
    "ғыл",
    "ғғ",
    "экон",
    "эпик",
    "ж",
];

/// Abbreviations placed before a name (titles, `көш.` before a street name):
/// an upper-case word after them does not start a new sentence.
static PREFIXES: &[&str] = &["акад", "доц", "им", "көш", "проф", "ул", "ғыл"];

fn in_list(word: &str, list: &[&str]) -> bool {
    if word.is_empty() || word.len() > 12 {
        return false;
    }
    // Lower-case once into a small buffer; a lower-case letter takes at
    // most 4 bytes.
    let mut buf = [0u8; 48];
    let mut n = 0;
    for c in word.chars() {
        n += to_lower(c).encode_utf8(&mut buf[n..]).len();
    }
    let lower = &buf[..n];
    list.iter().any(|k| k.as_bytes() == lower)
}

/// Whether `word` (without its period, any case) is a known abbreviation.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    in_list(word, ABBREVIATIONS)
}

/// Whether `token` (with its period) is an abbreviation that stands before
/// a name, or initials, so that a capital after it continues the sentence.
pub(crate) fn is_name_prefix(token: &str) -> bool {
    let word = token.trim_end_matches('.');
    let mut chars = word.chars();
    let initials = word.split('.').all(|part| {
        let mut cs = part.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    });
    if initials && chars.next().is_some() {
        return true;
    }
    in_list(word, PREFIXES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known() {
        for w in ["млн", "Млрд", "ТРЛН", "ж", "жж", "обл", "проф"] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["жыл", "теңге", "мың", "", "млнн"] {
            assert!(!is_abbreviation(w), "{w}");
        }
    }

    #[test]
    fn name_prefixes() {
        for w in ["Н.", "Н.Ә.", "проф.", "акад.", "көш."] {
            assert!(is_name_prefix(w), "{w}");
        }
        for w in ["млн.", "т.б.", "ж.", "н.", "."] {
            assert!(!is_name_prefix(w), "{w}");
        }
    }
}
