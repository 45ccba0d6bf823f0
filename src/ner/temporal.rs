//! The temporal word class of a token, a feature of the tagger: month
//! names, seasons, weekdays, words of relative time, units of time and
//! parts of the day, in any case and with possessive or adjectival endings
//! (`қаңтарында`, `жылдан`, `биылғы`, `түнгі`).
//!
//! The words that build periods and frequencies around them (`сайын`,
//! `бойы`, `бұрын`, `кейін`, `өткен`, `келесі`) have no class: most of
//! their uses in news are not temporal (`Астанада өткен жиын`, the meeting
//! held in Astana), and a class of their own cost PER/LOC/ORG 0.1 F1 in
//! cross-validation; the tagger still sees each of them as a word.
//!
//! A word belongs to a class when it is one of the class's stems followed
//! by a sequence of Kazakh endings in their order (derivation, plural,
//! possessive, case, the adjectival `-ғы`/`-гі`, case again, a particle),
//! or when its lemma is one of the stems. Harmony is not checked: the
//! endings only have to be endings, which keeps `айтты` (`ай` + `тты`) out
//! while letting the tagger's weights sort out the rest.

use std::sync::LazyLock;

/// No temporal class.
pub(crate) const NONE: u8 = 0;
/// Month names.
const MONTH: u8 = 1;
/// Seasons (`жаз`, `қыс`, …).
const SEASON: u8 = 2;
/// Weekdays.
const WEEKDAY: u8 = 3;
/// Relative days and years (`биыл`, `бүгін`, `кеше`, …).
const RELATIVE: u8 = 4;
/// Calendar units (`жыл`, `ай`, `апта`, `күн`, …).
const UNIT: u8 = 5;
/// Clock units (`сағат`, `минут`, `секунд`).
const CLOCK: u8 = 6;
/// Parts of the day (`таң`, `түн`, `кеш`, …).
const DAYPART: u8 = 7;

/// Stems and their classes. Stems ending in a voiceless consonant that
/// voices before a vowel (`тәулік` → `тәулігі`) are listed in both forms.
const STEMS: &[(&str, u8)] = &[
    ("қаңтар", MONTH),
    ("ақпан", MONTH),
    ("наурыз", MONTH),
    ("сәуір", MONTH),
    ("мамыр", MONTH),
    ("маусым", MONTH),
    ("шілде", MONTH),
    ("тамыз", MONTH),
    ("қыркүйек", MONTH),
    ("қыркүйег", MONTH),
    ("қазан", MONTH),
    ("қараша", MONTH),
    ("желтоқсан", MONTH),
    ("көктем", SEASON),
    ("жаз", SEASON),
    ("күз", SEASON),
    ("қыс", SEASON),
    ("дүйсенбі", WEEKDAY),
    ("сейсенбі", WEEKDAY),
    ("сәрсенбі", WEEKDAY),
    ("бейсенбі", WEEKDAY),
    ("жұма", WEEKDAY),
    ("сенбі", WEEKDAY),
    ("жексенбі", WEEKDAY),
    ("биыл", RELATIVE),
    ("былтыр", RELATIVE),
    ("бүгін", RELATIVE),
    ("кеше", RELATIVE),
    ("ертең", RELATIVE),
    ("бүрсігүні", RELATIVE),
    ("күнделікті", RELATIVE),
    ("жыл", UNIT),
    ("ай", UNIT),
    ("апта", UNIT),
    ("күн", UNIT),
    ("тәулік", UNIT),
    ("тәуліг", UNIT),
    ("ғасыр", UNIT),
    ("онжылдық", UNIT),
    ("онжылдығ", UNIT),
    ("жас", UNIT),
    ("сағат", CLOCK),
    ("минут", CLOCK),
    ("секунд", CLOCK),
    ("таң", DAYPART),
    ("таңертең", DAYPART),
    ("түн", DAYPART),
    ("кеш", DAYPART),
    ("күндіз", DAYPART),
    ("түс", DAYPART),
];

/// The endings of each slot, in the order they follow a stem; every slot
/// may also be empty.
const SLOTS: &[&[&str]] = &[
    // Derivation: `жылдық`, `айлық`.
    &[
        "лық", "лік", "дық", "дік", "тық", "тік", "лығ", "ліг", "дығ", "діг",
    ],
    // Plural.
    &["лар", "лер", "дар", "дер", "тар", "тер"],
    POSSESSIVE,
    CASES,
    // Adjectival: `биылғы`, `жылдағы`, `кешкі`.
    &["ғы", "гі", "қы", "кі"],
    CASES,
];

/// The slot of the possessive endings in [`SLOTS`].
const POSSESSIVE_SLOT: usize = 2;

/// The slots of case endings in [`SLOTS`].
const CASE_SLOTS: [usize; 2] = [3, 5];

/// Possessive endings.
const POSSESSIVE: &[&str] = &[
    "ы", "і", "сы", "сі", "ым", "ім", "м", "ың", "ің", "ң", "ымыз", "іміз", "мыз", "міз", "ыңыз",
    "іңіз", "ңыз", "ңіз",
];

/// Case endings (and the comparative `-дай`).
const CASES: &[&str] = &[
    "да",
    "де",
    "та",
    "те",
    "нда",
    "нде",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "а",
    "е",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "н",
    "ын",
    "ін",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "дың",
    "дің",
    "тың",
    "тің",
    "ның",
    "нің",
    "мен",
    "бен",
    "пен",
    "ымен",
    "імен",
    "нымен",
    "німен",
    "менен",
    "дай",
    "дей",
    "тай",
    "тей",
];

/// Case endings that follow only a possessive ending (`айына`, `жылында`).
const AFTER_POSSESSIVE: &[&str] = &["нда", "нде", "на", "не", "н", "а", "е", "нымен", "німен"];

/// Whether an ending may follow `prev`, the last letter before it: one
/// that begins with a voiced `д`, `ғ`, `г`, `б` follows no voiceless
/// consonant, one that begins with `т`, `қ`, `к`, `п` follows only one
/// (`жылғы`, `кешкі`, not `жылқы`).
fn agrees(prev: char, ending: &str) -> bool {
    let voiceless = matches!(
        prev,
        'к' | 'қ' | 'п' | 'с' | 'т' | 'ш' | 'ф' | 'х' | 'ц' | 'ч' | 'щ'
    );
    match ending.chars().next() {
        Some('д' | 'ғ' | 'г' | 'б') => !voiceless,
        Some('т' | 'қ' | 'к' | 'п') => voiceless,
        _ => true,
    }
}

/// Whether `rest` is a sequence of endings, at most one per slot from
/// `slot` on, in order, after the letter `prev`; `possessed` once a
/// possessive ending was taken.
fn endings(rest: &str, slot: usize, prev: char, possessed: bool) -> bool {
    if rest.is_empty() {
        return true;
    }
    let Some(&options) = SLOTS.get(slot) else {
        return false;
    };
    let case = CASE_SLOTS.contains(&slot);
    // The ending's bytes first: most endings fail on them, before the
    // tests of sound and possession.
    options.iter().any(|e| {
        rest.strip_prefix(e).is_some_and(|r| {
            agrees(prev, e)
                && (!case || possessed || !AFTER_POSSESSIVE.contains(e))
                && endings(
                    r,
                    slot + 1,
                    e.chars().next_back().unwrap_or(prev),
                    possessed || slot == POSSESSIVE_SLOT,
                )
        })
    }) || endings(rest, slot + 1, prev, possessed)
}

/// [`STEMS`] with their first four bytes (every stem begins with two
/// letters of two bytes each), sorted by them, stems of the same four bytes
/// in their order: a word is compared only with the stems that begin with
/// its first two letters, and most words meet none.
static BY_HEAD: LazyLock<Vec<([u8; 4], &str, u8)>> = LazyLock::new(|| {
    let mut by_head: Vec<([u8; 4], &str, u8)> = STEMS
        .iter()
        .filter_map(|&(stem, class)| match stem.as_bytes() {
            [a, b, c, d, ..] => Some(([*a, *b, *c, *d], stem, class)),
            _ => None,
        })
        .collect();
    by_head.sort_by_key(|&(head, _, _)| head);
    by_head
});

/// The stems of [`BY_HEAD`] that begin with the first four bytes of `word`
/// (none for a shorter word).
fn same_head(word: &str) -> &'static [([u8; 4], &'static str, u8)] {
    let [a, b, c, d, ..] = *word.as_bytes() else {
        return &[];
    };
    let head = [a, b, c, d];
    let stems = &BY_HEAD[BY_HEAD.partition_point(|&(h, _, _)| h < head)..];
    &stems[..stems.partition_point(|&(h, _, _)| h == head)]
}

/// The class of the first of [`STEMS`] that is `lemma`, found among the
/// stems that begin with the same four bytes ([`BY_HEAD`] keeps their order).
fn lemma_class(lemma: &str) -> Option<u8> {
    if lemma.len() < 4 {
        // Shorter than any stem of `BY_HEAD`.
        return STEMS
            .iter()
            .find(|(stem, _)| *stem == lemma)
            .map(|&(_, class)| class);
    }
    same_head(lemma)
        .iter()
        .find(|&&(_, stem, _)| stem == lemma)
        .map(|&(_, _, class)| class)
}

/// The class of a lower-case word with stem + endings, longest stem first.
fn by_endings(lower: &str) -> u8 {
    let mut best: Option<(usize, u8)> = None;
    // A stem that `lower` begins with has its first four bytes.
    for &(_, stem, class) in same_head(lower) {
        let Some(rest) = lower.strip_prefix(stem) else {
            continue;
        };
        if best.is_some_and(|(len, _)| len >= stem.len()) {
            continue;
        }
        let prev = stem.chars().next_back().unwrap_or(' ');
        if rest.chars().count() <= 10 && endings(rest, 0, prev, false) {
            best = Some((stem.len(), class));
        }
    }
    best.map_or(NONE, |(_, class)| class)
}

/// The temporal class of a word from its lower case and lemma: a small
/// number, [`NONE`] (0) for words outside every class. A compound written
/// with a hyphen (`күндіз-түні`) takes the class of its first part.
pub(crate) fn word_class(lower: &str, lemma: &str) -> u8 {
    if !lower.chars().next().is_some_and(crate::letters::is_letter) {
        return NONE;
    }
    if let Some(class) = lemma_class(lemma) {
        return class;
    }
    match by_endings(lower) {
        // The first part before a hyphen (found as a byte: in UTF-8 no
        // other character holds 0x2D).
        NONE => match lower.bytes().position(|b| b == b'-') {
            Some(end) if end > 0 => by_endings(&lower[..end]),
            _ => NONE,
        },
        class => class,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporal_words_in_any_form_get_their_class() {
        for (word, want) in [
            ("қаңтар", MONTH),
            ("қаңтарында", MONTH),
            ("мамырдан", MONTH),
            ("қыркүйегінде", MONTH),
            ("жазғы", SEASON),
            ("қыста", SEASON),
            ("көктемгі", SEASON),
            ("сенбіде", WEEKDAY),
            ("биылғы", RELATIVE),
            ("бүгінгі", RELATIVE),
            ("бүгінде", RELATIVE),
            ("кешегі", RELATIVE),
            ("былтырғы", RELATIVE),
            ("жылдың", UNIT),
            ("жылдары", UNIT),
            ("жылдардағы", UNIT),
            ("айлық", UNIT),
            ("тәулігіне", UNIT),
            ("ғасырларда", UNIT),
            ("сағаттың", CLOCK),
            ("минутта", CLOCK),
            ("таңертең", DAYPART),
            ("таңғы", DAYPART),
            ("түнде", DAYPART),
            ("кешкі", DAYPART),
            ("күндіз-түні", DAYPART),
        ] {
            assert_eq!(word_class(word, word), want, "{word}");
        }
    }

    #[test]
    fn every_stem_is_found_by_its_first_four_bytes() {
        assert_eq!(BY_HEAD.len(), STEMS.len());
        for &(stem, _) in STEMS {
            assert!(same_head(stem).iter().any(|&(_, s, _)| s == stem), "{stem}");
        }
    }

    #[test]
    fn lemma_class_finds_the_first_listed_stem() {
        let mut words: Vec<&str> = STEMS.iter().map(|&(s, _)| s).collect();
        words.extend(["", "а", "ай", "жылқы", "қаңтарында", "x"]);
        for w in words {
            let want = STEMS
                .iter()
                .find(|(stem, _)| *stem == w)
                .map(|&(_, class)| class);
            assert_eq!(lemma_class(w), want, "{w}");
        }
    }

    #[test]
    fn other_words_have_none() {
        for word in [
            "айтты",
            "жылқы",
            "айна",
            "жұмақ",
            "күнәсі",
            "бастады",
            "бойынша",
            "қала",
            "",
            "2024",
            "-",
        ] {
            assert_eq!(word_class(word, word), NONE, "{word}");
        }
        // The lemma counts too.
        assert_eq!(word_class("xyz", "жыл"), UNIT);
    }
}
