//! Closed classes: irregular pronoun forms, particles, auxiliaries, function
//! words that must not be cut, number words and the stems that lose a vowel.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::hash::FxHasher;

/// Forms whose lemma is not found by suffix rules, sorted by form.
const IRREGULAR: &[(&str, &str)] = &[
    ("аның", "ол"),
    ("быз", "е"),
    ("былай", "бұл"),
    ("бын", "е"),
    ("бін", "е"),
    ("бұ", "бұл"),
    ("бұдан", "бұл"),
    ("бұнда", "бұл"),
    ("бұны", "бұл"),
    ("бұның", "бұл"),
    ("бұған", "бұл"),
    ("бәрі", "бәрі"),
    ("бәрін", "бәрі"),
    ("бәрінде", "бәрі"),
    ("бәріне", "бәрі"),
    ("бәрінен", "бәрі"),
    ("бәрінің", "бәрі"),
    ("де", "да"),
    ("деген", "де"),
    ("дегенде", "де"),
    ("дегені", "де"),
    ("деді", "де"),
    ("дейді", "де"),
    ("деп", "де"),
    ("десе", "де"),
    ("еді", "е"),
    ("едік", "е"),
    ("едім", "е"),
    ("едің", "е"),
    ("екен", "е"),
    ("екендігі", "е"),
    ("екендігін", "е"),
    ("екені", "е"),
    ("екенін", "е"),
    ("емес", "е"),
    ("емеспіз", "е"),
    ("емеспін", "е"),
    ("жатыр", "жат"),
    ("жатырмыз", "жат"),
    ("жатырмын", "жат"),
    ("жатырсыз", "жат"),
    ("жатырсыздар", "жат"),
    ("жатырсың", "жат"),
    ("жүр", "жүр"),
    ("жүрміз", "жүр"),
    ("жүрмін", "жүр"),
    ("жүрсіз", "жүр"),
    ("маған", "мен"),
    ("менде", "мен"),
    ("менен", "мен"),
    ("мені", "мен"),
    ("менімен", "мен"),
    ("менің", "мен"),
    ("мыз", "е"),
    ("мын", "е"),
    ("міз", "е"),
    ("мін", "е"),
    ("мұнан", "бұл"),
    ("мұнда", "бұл"),
    ("мұндай", "бұл"),
    ("мұндайды", "бұл"),
    ("мұндағы", "бұл"),
    ("мұны", "бұл"),
    ("мұнымен", "бұл"),
    ("мұның", "бұл"),
    ("одан", "ол"),
    ("олай", "ол"),
    ("онан", "ол"),
    ("онда", "ол"),
    ("ондағы", "ол"),
    ("оны", "ол"),
    ("онымен", "ол"),
    ("оның", "ол"),
    ("осы", "осы"),
    ("осыдан", "осы"),
    ("осымен", "осы"),
    ("осында", "осы"),
    ("осындағы", "осы"),
    ("осыны", "осы"),
    ("осының", "осы"),
    ("осыған", "осы"),
    ("отыр", "отыр"),
    ("отырмыз", "отыр"),
    ("отырмын", "отыр"),
    ("отырсыз", "отыр"),
    ("отырсыздар", "отыр"),
    ("оған", "ол"),
    ("пыз", "е"),
    ("пын", "е"),
    ("піз", "е"),
    ("пін", "е"),
    ("саған", "сен"),
    ("сенде", "сен"),
    ("сенен", "сен"),
    ("сені", "сен"),
    ("сенімен", "сен"),
    ("сенің", "сен"),
    ("содан", "сол"),
    ("солай", "сол"),
    ("соларды", "сол"),
    ("солардың", "сол"),
    ("соларға", "сол"),
    ("сонда", "сол"),
    ("сондағы", "сол"),
    ("соны", "сол"),
    ("сонымен", "сол"),
    ("соныменен", "сол"),
    ("соның", "сол"),
    ("соған", "сол"),
    ("сіздер", "сіздер"),
    ("сіздерге", "сіздер"),
    ("сіздерде", "сіздер"),
    ("сіздерден", "сіздер"),
    ("сіздерді", "сіздер"),
    ("сіздердің", "сіздер"),
    ("сіздермен", "сіздер"),
    ("та", "да"),
    // тап (find) turns п into у before -ып, as тау (mountain) never
    // takes a verb ending.
    ("тауып", "тап"),
    ("тауыпты", "тап"),
    ("те", "да"),
    ("тұр", "тұр"),
    ("тұрмыз", "тұр"),
    ("тұрмын", "тұр"),
    ("тұрсыз", "тұр"),
    ("қана", "ғана"),
];

/// Words that are their own lemma although they look inflected.
const INVARIANT: &[&str] = &[
    "алайда",
    "арқылы",
    "бар",
    "барлық",
    "басқа",
    "бен",
    "бері",
    "бойынша",
    "бірақ",
    "бірге",
    "бірнеше",
    "бүгінгі",
    "бүкіл",
    "гөрі",
    "дала",
    "дегенмен",
    "дейін",
    "егер",
    "енді",
    "жоқ",
    "және",
    "кейбір",
    "кейін",
    "келесі",
    "кім",
    "көптеген",
    "мен",
    "неге",
    "негізгі",
    "немесе",
    "осындай",
    "пен",
    "сауда",
    "себебі",
    "секілді",
    "сияқты",
    "сондай",
    "сондықтан",
    "соңғы",
    "сыртқы",
    "тағы",
    "тек",
    "туралы",
    "шейін",
    "яғни",
    "ішкі",
    "ғана",
    "қазіргі",
    "қайда",
    "қалай",
    "қандай",
    "қанша",
    "қарай",
    "қарсы",
    "қашан",
    "үшін",
    "әлі",
    "әрі",
    "өзге",
    "өйткені",
    "өте",
];

/// Number words after which -ыншы is an ordinal (бесінші → бес).
const NUMBER_WORDS: &[&str] = &[
    "алпыс",
    "алты",
    "бес",
    "бір",
    "екі",
    "елу",
    "жетпіс",
    "жеті",
    "жиырма",
    "жүз",
    "миллиард",
    "миллион",
    "мың",
    "он",
    "отыз",
    "сегіз",
    "сексен",
    "тоғыз",
    "тоқсан",
    "төрт",
    "қырық",
    "үш",
];

/// Nominal stems missing from the lexicon: collective numerals.
const EXTRA_STEMS: &[&str] = &[
    "алтау",
    "бесеу",
    "біреу",
    "екеу",
    "жетеу",
    "төртеу",
    "үшеу",
    "әрбіреу",
];

/// Whether `stem` is a collective numeral (екеу).
pub(crate) fn extra_stem(stem: &[u8]) -> bool {
    // All end in -у (a test checks): asked of most stems the analyser
    // tries, this answers them by their last letter.
    stem.ends_with("у".as_bytes()) && EXTRA_STEMS.iter().any(|s| s.as_bytes() == stem)
}

/// Stems that lose their second vowel before a vowel: surface → lemma.
const VOWEL_DROP: &[(&str, &str)] = &[
    ("ерк", "ерік"),
    ("ерн", "ерін"),
    ("көңл", "көңіл"),
    ("мойн", "мойын"),
    ("мұрн", "мұрын"),
    ("мүлк", "мүлік"),
    ("нарқ", "нарық"),
    ("орн", "орын"),
    ("ауз", "ауыз"),
    ("қалп", "қалып"),
    ("қарн", "қарын"),
    ("қауп", "қауіп"),
    ("қырқ", "қырық"),
    ("халқ", "халық"),
];

/// Particles and auxiliaries that may end a multiword token without
/// being its head (`келген жоқ`, `пайда болды да`, `тек қана`); the
/// forms of емес and екен with a personal ending are matched by their
/// start.
const TRAILING: &[&str] = &[
    "ау", "ба", "бе", "да", "де", "жоқ", "ма", "ме", "па", "пе", "та", "те", "ше", "ғана", "ғой",
    "қана",
];

/// Whether a lower-case word of a multiword token is a particle or an
/// auxiliary that leaves the lemma to the words before it.
pub(crate) fn trailing_particle(lower: &str) -> bool {
    TRAILING.binary_search(&lower).is_ok() || lower.starts_with("емес") || lower.starts_with("екен")
}

/// Auxiliaries of the progressive after a converb (азайтып отырмын, бара
/// жатыр): the lemma is the converb's.
const PROGRESSIVE: &[&str] = &["жатыр", "жүр", "отыр", "тұр"];

/// Whether `lower` is a form of a progressive auxiliary (its stem and
/// an ending of at most nine letters: отырмайсыңдар).
pub(crate) fn progressive(lower: &str) -> bool {
    PROGRESSIVE
        .iter()
        .any(|a| lower.starts_with(a) && lower.len() <= a.len() + 18)
}

/// What the closed classes say about a whole word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Closed {
    /// An irregular form with this lemma.
    Irregular(&'static str),
    /// A function word or number word that stays whole.
    Invariant,
}

type Map = HashMap<&'static str, Closed, BuildHasherDefault<FxHasher>>;

/// The closed-class words, and a filter of them: a bit per
/// [`filter_bit`] of each word.
static CLOSED: LazyLock<(Map, [u64; 64])> = LazyLock::new(|| {
    let mut map = Map::default();
    for &w in INVARIANT.iter().chain(NUMBER_WORDS) {
        map.insert(w, Closed::Invariant);
    }
    for &(form, lemma) in IRREGULAR {
        map.insert(form, Closed::Irregular(lemma));
    }
    let mut filter = [0u64; 64];
    for w in map.keys() {
        let bit = filter_bit(w.as_bytes());
        filter[bit / 64] |= 1 << (bit % 64);
    }
    (map, filter)
});

/// A word's bit of the filter (one of 4096), from its length and its first
/// and last two bytes (a Cyrillic letter each).
fn filter_bit(w: &[u8]) -> usize {
    let (first, last) = match (w.first_chunk::<2>(), w.last_chunk::<2>()) {
        (Some(&f), Some(&l)) => (u16::from_le_bytes(f), u16::from_le_bytes(l)),
        _ => (0, 0),
    };
    let key = (w.len() as u64) << 32 | u64::from(first) << 16 | u64::from(last);
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize
}

/// The closed-class entry of a lower-case word.
pub(crate) fn lookup(lower: &str) -> Option<Closed> {
    let (map, filter) = &*CLOSED;
    // Most words are in no closed class: a clear bit answers them without
    // hashing the word.
    let bit = filter_bit(lower.as_bytes());
    if filter[bit / 64] & (1 << (bit % 64)) == 0 {
        return None;
    }
    map.get(lower).copied()
}

/// Whether the word is a function word that stays whole.
pub(crate) fn invariant(lower: &str) -> bool {
    INVARIANT.binary_search(&lower).is_ok()
}

/// Whether `stem` is a number word.
pub(crate) fn number_word(stem: &str) -> bool {
    NUMBER_WORDS.binary_search(&stem).is_ok()
}

/// The full stem of a stem that lost a vowel (орн → орын).
pub(crate) fn vowel_drop(stem: &str) -> Option<&'static str> {
    VOWEL_DROP.iter().find(|(s, _)| *s == stem).map(|(_, l)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(INVARIANT.windows(2).all(|w| w[0] < w[1]));
        assert!(NUMBER_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(TRAILING.windows(2).all(|w| w[0] < w[1]));
        assert!(EXTRA_STEMS.iter().all(|s| s.ends_with('у')));
    }

    #[test]
    fn the_filter_passes_every_closed_word() {
        for &w in INVARIANT.iter().chain(NUMBER_WORDS) {
            assert!(lookup(w).is_some(), "{w}");
        }
        for &(form, lemma) in IRREGULAR {
            assert_eq!(lookup(form), Some(Closed::Irregular(lemma)), "{form}");
        }
        assert_eq!(lookup(""), None);
        assert_eq!(lookup("кітап"), None);
    }
}
