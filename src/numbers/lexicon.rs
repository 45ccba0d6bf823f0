//! Number words, units and qualifiers.
//!
//! Sources: the number words, scale words, collectives, ordinal endings,
//! currencies and qualifiers listed in the project's Kazakh facts
//! (`kazakh-facts.md`, "Numbers"), and common measurement units of Kazakh
//! news. Inflected forms are recognised as a stem from these tables plus an
//! ending from the generated inventory (`crate::tokenizer` endings), so the
//! tables hold stems only.

use crate::tokenizer::{eq_ci, is_ending, strip_prefix_ci, to_lower_str};

use super::Approx;

/// What part a number word plays in composition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// 0–9.
    Unit,
    /// 10–90.
    Ten,
    /// жүз.
    Hundred,
    /// мың, миллион, …: the exponent of ten.
    Scale(u32),
    /// жарым: adds a half to what precedes.
    AndHalf,
    /// жарты: a half of what follows.
    HalfOf,
    /// бүтін: the decimal point of spoken decimals.
    Point,
}

/// A recognised number word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NumWord {
    pub role: Role,
    /// The value for units and tens (0–90); 100 for жүз; 0 otherwise.
    pub value: u32,
    pub ordinal: bool,
    /// An ending follows the stem (a case, possessive, `-дай`, …).
    pub inflected: bool,
    /// The ending is ablative (`оннан`, `жүзден`): used by spoken decimals
    /// and by `X-дан астам`.
    pub ablative: bool,
    /// The ending is `-дай/-дей/-тай/-тей` (about).
    pub about: bool,
}

/// Stems: (stem, value, role). Longer stems first where one is a prefix of
/// another (жетпіс before жеті, алпыс before алты is not needed, қырқ is the
/// stem of қырқы, қырқыншы).
const STEMS: &[(&str, u32, Role)] = &[
    ("нөл", 0, Role::Unit),
    ("бір", 1, Role::Unit),
    ("екі", 2, Role::Unit),
    ("үш", 3, Role::Unit),
    ("төрт", 4, Role::Unit),
    ("бес", 5, Role::Unit),
    ("алты", 6, Role::Unit),
    ("жетпіс", 70, Role::Ten),
    ("жеті", 7, Role::Unit),
    ("сегіз", 8, Role::Unit),
    ("тоғыз", 9, Role::Unit),
    ("он", 10, Role::Ten),
    ("жиырма", 20, Role::Ten),
    ("отыз", 30, Role::Ten),
    ("қырық", 40, Role::Ten),
    ("қырқ", 40, Role::Ten),
    ("елу", 50, Role::Ten),
    ("алпыс", 60, Role::Ten),
    ("сексен", 80, Role::Ten),
    ("тоқсан", 90, Role::Ten),
    ("жүз", 100, Role::Hundred),
    ("мың", 0, Role::Scale(3)),
    ("миллион", 0, Role::Scale(6)),
    ("млн", 0, Role::Scale(6)),
    ("миллиард", 0, Role::Scale(9)),
    ("млрд", 0, Role::Scale(9)),
    ("триллион", 0, Role::Scale(12)),
    ("трлн", 0, Role::Scale(12)),
    ("квадриллион", 0, Role::Scale(15)),
    ("жарым", 0, Role::AndHalf),
    ("жарты", 0, Role::HalfOf),
    ("бүтін", 0, Role::Point),
];

/// Collective numerals: екеу (the two of), үшеу, …
const COLLECTIVES: &[(&str, u32)] = &[
    ("екеу", 2),
    ("үшеу", 3),
    ("төртеу", 4),
    ("бесеу", 5),
    ("алтау", 6),
    ("жетеу", 7),
];

/// Words that begin like a number and an ending but are other words
/// (pronoun forms of ол, postpositions, adverbs).
const NOT_NUMBERS: &[&str] = &[
    "бірақ",
    "бірге",
    "бірде",
    "бірден",
    "біреу",
    "біреуі",
    "біреудің",
    "біреуге",
    "біреуді",
    "біреуден",
    "үшін",
    "оны",
    "оның",
    "онда",
    "онымен",
    "ондағы",
    "ондай",
    "онша",
    "оным",
    "онан",
    "ондайда",
    "ондайлар",
    "жүзеге",
    "бесік",
    "жетім",
    "алтын",
    "бірлік",
    "бірлігі",
    "бірлігін",
    "бірлігінің",
    "бірдей",
    "біріміз",
    "бірімізді",
    "бірімізге",
    "бірімізден",
    "біріміздің",
];

/// Ordinal endings after a stem: бір-інші, екі-нші, алты-ншы, он-ыншы,
/// жиырма-сыншы.
const ORDINAL_TAILS: &[&str] = &["сыншы", "сынщы", "інші", "ыншы", "нші", "ншы"];

fn split_ordinal(rest: &str) -> Option<&str> {
    ORDINAL_TAILS
        .iter()
        .find_map(|t| strip_prefix_ci(rest, t))
        .filter(|after| after.is_empty() || is_ending(after))
}

/// Whether a word or an ending ends in the ablative (`мыңнан`, `тоннадан`).
pub(crate) fn is_ablative(word: &str) -> bool {
    ["дан", "ден", "тан", "тен", "нан", "нен"]
        .iter()
        .any(|a| word.ends_with(a))
}

/// The endings `-дай/-дей/-тай/-тей` (about): `жүздей`, `тоннадай`.
pub(crate) const ABOUT_ENDINGS: [&str; 4] = ["дай", "дей", "тай", "тей"];

/// `-даған/-деген` after a number: "tens of", "thousands of".
pub(crate) fn is_plural_about(ending: &str) -> bool {
    matches!(ending, "даған" | "деген" | "таған" | "теген")
}

/// Whether an ending starts with `-дай/-дей/-тай/-тей`.
pub(crate) fn is_about(ending: &str) -> bool {
    ABOUT_ENDINGS.iter().any(|a| ending.starts_with(a))
}

/// Derivational endings that make a different word (бірлік, екілік).
fn is_derivation(ending: &str) -> bool {
    [
        "лық", "лік", "дық", "дік", "тық", "тік", "сыз", "сіз", "лас", "лес", "ле", "ла",
    ]
    .iter()
    .any(|a| ending.starts_with(a))
}

/// The first two chars of `token`, lower-cased, if it has two.
fn first_two(token: &str) -> Option<(char, char)> {
    let mut cs = token.chars();
    let a = crate::tokenizer::to_lower(cs.next()?);
    let b = crate::tokenizer::to_lower(cs.next()?);
    Some((a, b))
}

/// Whether `token` starts like a stem or a collective (their first two
/// letters): a cheap filter that rejects most words before any lookup.
fn starts_like_number(token: &str) -> bool {
    matches!(
        first_two(token),
        Some(
            ('а', 'л')
                | ('б', 'е' | 'і' | 'ү')
                | ('е', 'к' | 'л')
                | ('ж', 'а' | 'е' | 'и' | 'ү')
                | ('к', 'в')
                | ('м', 'л' | 'и' | 'ы')
                | ('н', 'ө')
                | ('о', 'н' | 'т')
                | ('с', 'е')
                | ('т', 'о' | 'ө' | 'р')
                | ('ү', 'ш')
                | ('қ', 'ы')
        )
    )
}

/// Recognises a number word in any case form.
pub(crate) fn number_word(token: &str) -> Option<NumWord> {
    if token.len() > 48 || token.is_empty() || !starts_like_number(token) {
        return None;
    }
    let lower = token.strip_suffix('.').unwrap_or(token);
    let word = stem_and_ending(lower)?;
    // Checked only after a match: most words never get here.
    if NOT_NUMBERS.iter().any(|w| eq_ci(lower, w)) {
        return None;
    }
    Some(word)
}

fn stem_and_ending(lower: &str) -> Option<NumWord> {
    for &(stem, value) in COLLECTIVES {
        if let Some(rest) = strip_prefix_ci(lower, stem) {
            if rest.is_empty() || is_ending(rest) {
                return Some(NumWord {
                    role: Role::Unit,
                    value,
                    ordinal: false,
                    inflected: !rest.is_empty(),
                    ablative: is_ablative(rest),
                    about: false,
                });
            }
        }
    }
    for &(stem, value, role) in STEMS {
        let Some(rest) = strip_prefix_ci(lower, stem) else {
            continue;
        };
        let value = if role == Role::Hundred { 100 } else { value };
        if rest.is_empty() {
            if stem == "қырқ" {
                continue;
            }
            return Some(NumWord {
                role,
                value,
                ordinal: false,
                inflected: false,
                ablative: false,
                about: false,
            });
        }
        if matches!(
            role,
            Role::Unit | Role::Ten | Role::Hundred | Role::Scale(_)
        ) {
            if let Some(after) = split_ordinal(rest) {
                return Some(NumWord {
                    role,
                    value,
                    ordinal: true,
                    inflected: !after.is_empty(),
                    ablative: is_ablative(after),
                    about: false,
                });
            }
        }
        if is_derivation(rest) {
            return None;
        }
        // қырық keeps its full form before consonant endings, қырқ before
        // vowel endings.
        if stem == "қырық" && rest.starts_with(['ы', 'а']) {
            continue;
        }
        if is_ending(rest) {
            // `мыңдаған` (thousands of) is approximate and still takes a unit.
            let plural_about = is_plural_about(rest);
            return Some(NumWord {
                role,
                value,
                ordinal: false,
                inflected: !plural_about,
                ablative: is_ablative(rest),
                about: is_about(rest) || plural_about,
            });
        }
    }
    None
}

/// What a word after a number makes of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Percent,
    /// ISO 4217 code and the power of ten that divides the value (тиын).
    Money(&'static str, u32),
    Quantity(&'static str),
    /// Years, months, days: the mention is a date.
    Date,
    /// Hours, minutes: a time, which is not reported.
    Time,
}

/// Unit words by stem: (stem, unit). A token is the unit when it is the
/// stem plus nothing or an ending.
const UNITS: &[(&str, UnitKind)] = &[
    ("пайыз", UnitKind::Percent),
    ("процент", UnitKind::Percent),
    ("теңге", UnitKind::Money("KZT", 0)),
    ("тенге", UnitKind::Money("KZT", 0)),
    ("тиын", UnitKind::Money("KZT", 2)),
    ("доллар", UnitKind::Money("USD", 0)),
    ("рубль", UnitKind::Money("RUB", 0)),
    ("рубл", UnitKind::Money("RUB", 0)),
    ("евро", UnitKind::Money("EUR", 0)),
    ("еуро", UnitKind::Money("EUR", 0)),
    ("юань", UnitKind::Money("CNY", 0)),
    ("юан", UnitKind::Money("CNY", 0)),
    ("kzt", UnitKind::Money("KZT", 0)),
    ("usd", UnitKind::Money("USD", 0)),
    ("rub", UnitKind::Money("RUB", 0)),
    ("eur", UnitKind::Money("EUR", 0)),
    ("cny", UnitKind::Money("CNY", 0)),
    ("тонна", UnitKind::Quantity("тонна")),
    ("тонн", UnitKind::Quantity("тонна")),
    ("гектар", UnitKind::Quantity("гектар")),
    ("га", UnitKind::Quantity("гектар")),
    ("шақырым", UnitKind::Quantity("шақырым")),
    ("километр", UnitKind::Quantity("шақырым")),
    ("км", UnitKind::Quantity("шақырым")),
    ("метр", UnitKind::Quantity("метр")),
    ("миллиметр", UnitKind::Quantity("миллиметр")),
    ("мм", UnitKind::Quantity("миллиметр")),
    ("сантиметр", UnitKind::Quantity("сантиметр")),
    ("см", UnitKind::Quantity("сантиметр")),
    ("литр", UnitKind::Quantity("литр")),
    ("килограмм", UnitKind::Quantity("килограмм")),
    ("кг", UnitKind::Quantity("килограмм")),
    ("келі", UnitKind::Quantity("килограмм")),
    ("грамм", UnitKind::Quantity("грамм")),
    ("сотық", UnitKind::Quantity("сотық")),
    ("сотых", UnitKind::Quantity("сотық")),
    ("куб", UnitKind::Quantity("текше метр")),
    ("баррель", UnitKind::Quantity("баррель")),
    ("мегаватт", UnitKind::Quantity("мегаватт")),
    ("киловатт", UnitKind::Quantity("киловатт")),
    ("градус", UnitKind::Quantity("градус")),
    ("центнер", UnitKind::Quantity("центнер")),
    ("жылғы", UnitKind::Date),
    ("жыл", UnitKind::Date),
    ("жасар", UnitKind::Date),
    ("жас", UnitKind::Date),
    ("айлық", UnitKind::Date),
    ("жылдық", UnitKind::Date),
    ("күндік", UnitKind::Date),
    ("ғасыр", UnitKind::Date),
    ("ай", UnitKind::Date),
    ("апта", UnitKind::Date),
    ("күн", UnitKind::Date),
    ("тәулік", UnitKind::Date),
    ("қаңтар", UnitKind::Date),
    ("ақпан", UnitKind::Date),
    ("наурыз", UnitKind::Date),
    ("сәуір", UnitKind::Date),
    ("мамыр", UnitKind::Date),
    ("маусым", UnitKind::Date),
    ("шілде", UnitKind::Date),
    ("тамыз", UnitKind::Date),
    ("қыркүйек", UnitKind::Date),
    ("қазан", UnitKind::Date),
    ("қараша", UnitKind::Date),
    ("желтоқсан", UnitKind::Date),
    ("сағат", UnitKind::Time),
    ("минут", UnitKind::Time),
    ("секунд", UnitKind::Time),
];

/// The endings `ай` (month) takes as a unit: a closed list, because most
/// words that start with ай are other words (айлық is "monthly", айт- "say").
const MONTH_ENDINGS: &[&str] = &[
    "ы",
    "да",
    "ға",
    "дан",
    "дың",
    "ды",
    "дағы",
    "ында",
    "ына",
    "ынан",
    "ының",
    "лар",
    "лары",
    "ларда",
    "дай",
];

/// The unit a token names, if any.
pub(crate) fn unit(token: &str) -> Option<UnitKind> {
    match token {
        "%" => return Some(UnitKind::Percent),
        "₸" => return Some(UnitKind::Money("KZT", 0)),
        "$" => return Some(UnitKind::Money("USD", 0)),
        "€" => return Some(UnitKind::Money("EUR", 0)),
        "₽" => return Some(UnitKind::Money("RUB", 0)),
        "¥" => return Some(UnitKind::Money("CNY", 0)),
        _ => {}
    }
    if let Some(rest) = token.strip_prefix('%') {
        return (rest.len() > 1 && rest.starts_with('-') && is_ending(&rest[1..]))
            .then_some(UnitKind::Percent);
    }
    if token.len() > 48 {
        return None;
    }
    let mut buf = [0u8; 64];
    let lower = to_lower_str(token, &mut buf)?;
    let lower = lower.trim_end_matches('.');
    UNITS.iter().find_map(|&(stem, kind)| {
        let rest = lower.strip_prefix(stem)?;
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let ok = if rest.is_empty() {
            true
        } else if stem == "ай" {
            MONTH_ENDINGS.contains(&rest)
        } else {
            // Other short stems (га, км, мм, см) take no ending, so that
            // longer words starting with them stay words.
            stem.chars().count() > 2 && is_ending(rest)
        };
        ok.then_some(kind)
    })
}

/// A qualifier standing after the number (and its unit).
pub(crate) fn qualifier_after(token: &str) -> Option<Approx> {
    let mut buf = [0u8; 64];
    let lower = to_lower_str(token, &mut buf)?;
    let approx = match lower {
        "астам" | "астамы" | "астамын" | "астамға" | "аса" | "артық" | "көп" | "жоғары" => {
            Approx::Over
        }
        "кем" | "аз" | "төмен" => Approx::Under,
        "дейін" | "шейін" => Approx::UpTo,
        "жуық" | "жуығы" | "жуығын" | "жуығында" | "жуықтай" | "тарта" => {
            Approx::About
        }
        "шақты" | "шамасында" | "шамалы" | "қаралы" => Approx::About,
        _ => return None,
    };
    Some(approx)
}

/// Whether the token could begin a qualifier before a number (шамамен,
/// кемінде, кем дегенде, жуық).
pub(crate) fn may_qualify_before(token: &str) -> bool {
    matches!(first_two(token), Some(('ш', 'а') | ('к', 'е') | ('ж', 'у')))
}

/// A qualifier standing before the number: шамамен (about).
pub(crate) fn qualifier_before(token: &str) -> Option<Approx> {
    let mut buf = [0u8; 64];
    let lower = to_lower_str(token, &mut buf)?;
    match lower {
        "шамамен" | "шамасы" | "шамада" | "жуық" => Some(Approx::About),
        "кемінде" | "кемі" => Some(Approx::Over),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words() {
        type Case = (&'static str, Option<(Role, u32, bool)>);
        let cases: &[Case] = &[
            ("бір", Some((Role::Unit, 1, false))),
            ("Бірі", Some((Role::Unit, 1, false))),
            ("екінші", Some((Role::Unit, 2, true))),
            ("бірінші", Some((Role::Unit, 1, true))),
            ("алтыншы", Some((Role::Unit, 6, true))),
            ("оныншы", Some((Role::Ten, 10, true))),
            ("жиырмасыншы", Some((Role::Ten, 20, true))),
            ("қырқыншы", Some((Role::Ten, 40, true))),
            ("қырық", Some((Role::Ten, 40, false))),
            ("қырқы", Some((Role::Ten, 40, false))),
            ("елуінші", Some((Role::Ten, 50, true))),
            ("жетпіс", Some((Role::Ten, 70, false))),
            ("жеті", Some((Role::Unit, 7, false))),
            ("мыңнан", Some((Role::Scale(3), 0, false))),
            ("жүздей", Some((Role::Hundred, 100, false))),
            ("екеуі", Some((Role::Unit, 2, false))),
            ("үшеуінің", Some((Role::Unit, 3, false))),
            ("алтау", Some((Role::Unit, 6, false))),
            ("млрд", Some((Role::Scale(9), 0, false))),
            ("млн.", Some((Role::Scale(6), 0, false))),
            ("бірақ", None),
            ("үшін", None),
            ("оның", None),
            ("бірге", None),
            ("бірлік", None),
            ("алтын", None),
            ("онсыз", None),
            ("елі", None),
            ("жыл", None),
        ];
        for (w, want) in cases {
            let got = number_word(w).map(|n| (n.role, n.value, n.ordinal));
            assert_eq!(got, *want, "{w}");
        }
        assert!(number_word("оннан").unwrap().ablative);
        assert!(number_word("жүздей").unwrap().about);
    }

    #[test]
    fn units() {
        let cases: &[(&str, Option<UnitKind>)] = &[
            ("теңге", Some(UnitKind::Money("KZT", 0))),
            ("теңгеден", Some(UnitKind::Money("KZT", 0))),
            ("долларға", Some(UnitKind::Money("USD", 0))),
            ("тиын", Some(UnitKind::Money("KZT", 2))),
            ("%", Some(UnitKind::Percent)),
            ("%-ға", Some(UnitKind::Percent)),
            ("пайызы", Some(UnitKind::Percent)),
            ("процентке", Some(UnitKind::Percent)),
            ("тоннадан", Some(UnitKind::Quantity("тонна"))),
            ("км", Some(UnitKind::Quantity("шақырым"))),
            ("жылы", Some(UnitKind::Date)),
            ("наурызда", Some(UnitKind::Date)),
            ("айлық", Some(UnitKind::Date)),
            ("жасында", Some(UnitKind::Date)),
            ("адам", None),
            ("жылқы", None),
        ];
        for (w, want) in cases {
            assert_eq!(unit(w), *want, "{w}");
        }
    }
}
