//! Abbreviations that keep their period.
//!
//! Sources: the abbreviations listed in the project's Kazakh facts (ж., жж.,
//! ғ., млн, млрд, трлн, т.б.) and the short forms common in Kazakh reference
//! prose (cardinal directions, languages, fields of science, titles and
//! professions before a name), and those learned from prose by
//! `tools/gentables` (`abbrev_table.rs`, which also lists the sentence
//! starters). Single letters (initials, `т.`, `б.`) and dotted chains
//! (`т.с.с.`) are recognised by rule in the scanner and need no entry here.

use super::abbrev_table::{LEARNED_ABBREVIATIONS, SENTENCE_STARTERS};
use crate::letters::to_lower;

/// Lower-case abbreviations, without their final period.
static ABBREVIATIONS: &[&str] = &[
    // Units and amounts.
    "га",
    "гг",
    "дм",
    "кв",
    "кг",
    "км",
    "мг",
    "мл",
    "млн",
    "млрд",
    "мм",
    "сағ",
    "см",
    "трлн",
    // Years and centuries (`ж.`, `жж.`, `ғғ.`; `ғ.` is a single letter).
    "ж",
    "жж",
    "ғғ",
    // Directions and places.
    "ауд",
    "көш",
    "обл",
    "оңт",
    "орт",
    "солт",
    "ул",
    "шығ",
    // Languages a word is cited from (`қаз.`, `ағыл.`, `лат.`).
    "ағыл",
    "грек",
    "лат",
    "нем",
    "парс",
    "фр",
    "қаз",
    "қыт",
    // Fields and qualifiers.
    "әлеум",
    "мемл",
    "респ",
    "бат",
    "мыс",
    "сын",
    "тех",
    "филос",
    "хим",
    "шақ",
    "экон",
    "эпик",
    // Titles, professions and `named after`, placed before a name.
    "акад",
    "атынд",
    "дж",
    "доц",
    "им",
    "проф",
    "ред",
    "реж",
    "ғыл",
];

/// Abbreviations placed before a name (titles, `көш.` before a street name):
/// an upper-case word after them does not start a new sentence.
static PREFIXES: &[&str] = &[
    "акад",
    "атынд",
    "дж",
    "доц",
    "им",
    "көш",
    "проф",
    "ред",
    "реж",
    "ул",
    "ғыл",
];

/// Longest abbreviation, in bytes, without its period: ten Cyrillic letters
/// (`геоморфол`); a longer word before a period is never one.
pub(crate) const MAX_ABBREV_BYTES: usize = 20;

/// Longest word looked up, in bytes: longer words are in no list.
const MAX_LOOKUP: usize = 40;

/// `word` in lower case, in `buf`; `None` when longer than [`MAX_LOOKUP`].
fn lower_into<'b>(word: &str, buf: &'b mut [u8; 4 * MAX_LOOKUP]) -> Option<&'b [u8]> {
    if word.is_empty() || word.len() > MAX_LOOKUP {
        return None;
    }
    // A lower-case letter takes at most 4 bytes.
    let mut n = 0;
    for c in word.chars() {
        n += to_lower(c).encode_utf8(&mut buf[n..]).len();
    }
    Some(&buf[..n])
}

fn in_list(word: &str, list: &[&str]) -> bool {
    if word.len() > 12 {
        return false;
    }
    let mut buf = [0u8; 4 * MAX_LOOKUP];
    lower_into(word, &mut buf).is_some_and(|lower| list.iter().any(|k| k.as_bytes() == lower))
}

/// Whether `word` is in a list sorted by bytes.
fn in_sorted(word: &str, list: &[&str]) -> bool {
    let mut buf = [0u8; 4 * MAX_LOOKUP];
    lower_into(word, &mut buf).is_some_and(|lower| sorted_contains(list, lower))
}

/// Whether the lower-case `lower` is in a list sorted by bytes.
fn sorted_contains(list: &[&str], lower: &[u8]) -> bool {
    list.binary_search_by(|k| k.as_bytes().cmp(lower)).is_ok()
}

/// Whether `word` (without its period, any case) is a known abbreviation:
/// in the list above, or learned from prose (`abbrev_table.rs`).
pub(crate) fn is_abbreviation(word: &str) -> bool {
    in_list(word, ABBREVIATIONS) || in_sorted(word, &LEARNED_ABBREVIATIONS)
}

/// Whether `word` (any case) starts sentences in prose and is written in
/// lower case inside them, so that capitalised after an abbreviation's
/// period it begins a new sentence (learned, `abbrev_table.rs`).
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    in_sorted(word, &SENTENCE_STARTERS)
}

/// [`is_sentence_starter`] of a word already lower-cased letter by letter
/// with [`to_lower`] (the entity tagger's features lower each new word once).
pub(crate) fn is_sentence_starter_lowered(lower: &str) -> bool {
    lower.len() <= MAX_LOOKUP && sorted_contains(&SENTENCE_STARTERS, lower.as_bytes())
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
    fn learned_table_fits() {
        assert!(LEARNED_ABBREVIATIONS
            .iter()
            .all(|w| w.len() <= MAX_ABBREV_BYTES));
        for list in [&LEARNED_ABBREVIATIONS[..], &SENTENCE_STARTERS[..]] {
            assert!(list.windows(2).all(|p| p[0] < p[1]), "sorted and distinct");
            assert!(list.iter().all(|w| w.chars().all(|c| !c.is_uppercase())));
        }
    }

    #[test]
    fn learned() {
        for w in ["геоморфол", "Экон", "ғыл"] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["Бұл", "олардың", "ОЛ"] {
            assert!(is_sentence_starter(w), "{w}");
        }
        for (w, want) in [
            ("бұл", true),
            ("олардың", true),
            ("алматы", false),
            ("", false),
        ] {
            assert_eq!(is_sentence_starter_lowered(w), want, "{w}");
        }
        for w in ["Алматы", "Назарбаев", "", "бұлл", &"б".repeat(50)] {
            assert!(!is_sentence_starter(w), "{w}");
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
