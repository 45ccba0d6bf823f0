//! Number words, units and qualifiers.
//!
//! Sources: the number words, scale words, collectives, ordinal endings,
//! currencies and qualifiers listed in the project's Kazakh facts
//! (`kazakh-facts.md`, "Numbers"), and common measurement units of Kazakh
//! news. Inflected forms are recognised as a stem from these tables plus an
//! ending from the generated inventory (`crate::tokenizer` endings), so the
//! tables hold stems only.

use crate::letters::{cyrillic_lower_bytes, eq_ci, strip_prefix_ci, to_lower, to_lower_str};
use crate::tokenizer::is_ending;
use std::sync::LazyLock;

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

/// Whether a number in one token carries the third-person possessive
/// (`бірі`, `екісінің`, `5-і`, `2-сіне`): the ending after the number's
/// stem, or after the hyphen of digits, begins with -ы/-і/-сы/-сі. The
/// day of a month (`25-і күні`) and a fraction's part (`төрттен бірі`)
/// are written so.
pub(crate) fn possessed_number(word: &str) -> bool {
    let ending = match word.split_once('-') {
        Some((digits, ending))
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            ending
        }
        _ => match number_stem_len(word) {
            Some(stem) => word.get(stem..).unwrap_or(""),
            None => return false,
        },
    };
    ["ы", "і", "сы", "сі"].iter().any(|p| ending.starts_with(p))
}

/// The length in bytes of the number stem that the lower-case `word`
/// begins with, the longest of [`STEMS`] that count (units, tens, `жүз`,
/// scale words; not `жарым`, `жарты`, `бүтін`): `жиырмасыншы` → `жиырма`,
/// `қырқыншы` → `қырқ`, `біреуі` → `бір`.
pub(crate) fn number_stem_len(word: &str) -> Option<usize> {
    STEMS
        .iter()
        .filter(|(stem, _, role)| {
            matches!(
                role,
                Role::Unit | Role::Ten | Role::Hundred | Role::Scale(_)
            ) && word.starts_with(stem)
        })
        .map(|(stem, _, _)| stem.len())
        .max()
}

/// Whether a stem is an abbreviated scale word (`млн`, `млрд`, `трлн`).
fn is_abbreviation(stem: &str) -> bool {
    matches!(stem, "млн" | "млрд" | "трлн")
}

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

/// Whether a word ends as a genitive does, in either case (`оның`,
/// `паркінің`, `МАТЧТЫҢ`): the written suffix, not the analyser's
/// reading, which reads pronouns whole.
pub(crate) fn is_genitive(word: &str) -> bool {
    // Each ending is three Cyrillic letters of two bytes.
    let tail = word
        .len()
        .checked_sub(6)
        .filter(|&k| k > 0)
        .and_then(|k| word.get(k..));
    tail.is_some_and(|t| {
        ["ның", "нің", "дың", "дің", "тың", "тің"]
            .iter()
            .any(|g| crate::letters::eq_ci(t, g))
    })
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

/// The first three letters of `token`, lower-cased, when the first two
/// are Cyrillic (every stem and qualifier is): the third is `'\0'` for a
/// two-letter token and `'\u{1}'` when it is not Cyrillic. Works on the
/// bytes, since it runs on every token.
#[inline]
fn head3(token: &str) -> Option<(char, char, char)> {
    let b = token.as_bytes();
    let first = cyrillic_lower_at(b, 0)?;
    let second = cyrillic_lower_at(b, 2)?;
    let third = if b.len() == 4 {
        '\0'
    } else {
        cyrillic_lower_at(b, 4).unwrap_or('\u{1}')
    };
    Some((first, second, third))
}

/// The lower-cased Cyrillic letter (two bytes, lead 0xD0 to 0xD3) at byte
/// `i` of `b`, where `i` is a char boundary.
#[inline]
fn cyrillic_lower_at(b: &[u8], i: usize) -> Option<char> {
    let (&lead, &cont) = (b.get(i)?, b.get(i + 1)?);
    if !(0xD0..=0xD3).contains(&lead) || cont & 0xC0 != 0x80 {
        return None;
    }
    Some(cyrillic_lower_bytes(lead, cont))
}

/// The first two bytes of `token` with its first letter lower-cased (a
/// Cyrillic letter, or two ASCII ones): enough to rule out most units.
fn lower_head2(token: &str) -> Option<[u8; 2]> {
    let b = token.as_bytes();
    if let Some(c) = cyrillic_lower_at(b, 0) {
        let mut out = [0u8; 2];
        c.encode_utf8(&mut out);
        return Some(out);
    }
    match b.first_chunk::<2>() {
        Some(&[x, y]) if x.is_ascii() && y.is_ascii() => {
            Some([x.to_ascii_lowercase(), y.to_ascii_lowercase()])
        }
        _ => None,
    }
}

/// What the first three letters of a word allow it to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    Number,
    Qualifier,
    Other,
}

/// Classifies the first three letters (see [`head3`]) of a word: the
/// beginnings of the stems and collectives (`он` and `үш` are whole stems
/// of two letters), and of the qualifiers before a number. A cheap filter
/// that rejects most words before any lookup; a test checks it against the
/// tables.
fn head_of(h: (char, char, char)) -> Head {
    match h {
        ('о', 'н', _) | ('ү', 'ш', _) => Head::Number,
        ('н', 'ө', 'л')
        | ('б', 'і', 'р')
        | ('е', 'к', 'і' | 'е')
        | ('т', 'ө', 'р')
        | ('б', 'е', 'с')
        | ('а', 'л', 'т' | 'п')
        | ('ж', 'е', 'т')
        | ('с', 'е', 'г' | 'к')
        | ('т', 'о', 'ғ' | 'қ')
        | ('ж', 'и', 'ы')
        | ('о', 'т', 'ы')
        | ('қ', 'ы', 'р')
        | ('е', 'л', 'у')
        | ('ж', 'ү', 'з')
        | ('м', 'ы', 'ң')
        | ('м', 'и', 'л')
        | ('м', 'л', 'н' | 'р')
        | ('т', 'р', 'и' | 'л')
        | ('к', 'в', 'а')
        | ('ж', 'а', 'р')
        | ('б', 'ү', 'т') => Head::Number,
        // `ең` of `ең көп дегенде` (at most), a word of two letters.
        ('ш', 'а', 'м') | ('ж', 'у', 'ы') | ('к', 'е', 'м') | ('е', 'ң', '\0') => {
            Head::Qualifier
        }
        _ => Head::Other,
    }
}

/// Recognises a number word in any case form.
pub(crate) fn number_word(token: &str) -> Option<NumWord> {
    if token.len() > 48 || token.is_empty() {
        return None;
    }
    let (a, b, c) = head3(token)?;
    if head_of((a, b, c)) != Head::Number {
        return None;
    }
    // The two letters in UTF-8 (both Cyrillic, so four bytes): only stems
    // that begin with them are tried.
    let mut key = [0u8; 4];
    let n = a.encode_utf8(&mut key).len();
    if n != 2 || b.len_utf8() != 2 {
        return None;
    }
    b.encode_utf8(&mut key[2..]);
    let token = token.strip_suffix('.').unwrap_or(token);
    // `key` is the token's first two letters lowered, as the comparisons
    // below lower them: a word that does not begin with them (most) is
    // not compared.
    let same_head = |w: &str| w.as_bytes().starts_with(&key);
    if same_head("біреу") && strip_prefix_ci(token, "біреу").is_some() {
        return one_of_them(token);
    }
    let word = stem_and_ending(token, key)?;
    // Checked only after a match: most words never get here.
    // Lower-casing keeps the length of Cyrillic words.
    if NOT_NUMBERS
        .iter()
        .any(|w| w.len() == token.len() && same_head(w) && eq_ci(token, w))
    {
        return None;
    }
    Some(word)
}

/// `біреу` with the possessive, "one of them" (`біреуі`, `біреуінде`), a
/// count as `екеуі` is, or with the particle `-ақ` (`біреу-ақ`, only
/// one). Without them it is the pronoun "someone" (`біреу`, `біреуге`,
/// `біреумен`), not a number: KazNERD labels the possessive forms
/// CARDINAL (6 of 7) and the others not (14 of 15).
fn one_of_them(token: &str) -> Option<NumWord> {
    let rest = strip_prefix_ci(token, "біреу")?;
    let owned = rest.starts_with('і') && is_ending(rest);
    (owned || rest == "-ақ").then_some(NumWord {
        role: Role::Unit,
        value: 1,
        ordinal: false,
        inflected: owned,
        ablative: is_ablative(rest),
        about: false,
    })
}

/// The dative, locative and ablative of `бір` (one). Alone they are
/// adverbs and stay out of [`number_word`] (`бірге` together, `бірде`
/// once, `бірден` at once); after a ten or a hundred they can only be the
/// unit of the compound, in that case: `он бірге` (to eleven), `жетпіс
/// бірден` (from seventy-one), `жүз бірде` (at a hundred and one).
pub(crate) fn one_in_case(token: &str) -> Option<NumWord> {
    let token = token.strip_suffix('.').unwrap_or(token);
    let ablative = eq_ci(token, "бірден");
    (ablative || eq_ci(token, "бірге") || eq_ci(token, "бірде")).then_some(NumWord {
        role: Role::Unit,
        value: 1,
        ordinal: false,
        inflected: true,
        ablative,
        about: false,
    })
}

/// The first four bytes of a stem: its first two letters.
fn head(stem: &str) -> Option<[u8; 4]> {
    stem.as_bytes().first_chunk::<4>().copied()
}

/// Matches a word, in any case, against the stems that begin with `first`
/// (its first two letters, lower-cased, in UTF-8).
fn stem_and_ending(word: &str, first: [u8; 4]) -> Option<NumWord> {
    for &(stem, value) in COLLECTIVES {
        if head(stem) != Some(first) {
            continue;
        }
        if let Some(rest) = strip_prefix_ci(word, stem) {
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
        if head(stem) != Some(first) {
            continue;
        }
        let Some(rest) = strip_prefix_ci(word, stem) else {
            continue;
        };
        // An abbreviated scale word takes its ending after a hyphen, as
        // digits do (`млн-нан`, `млрд-қа`, `7 млн-дай`).
        let rest = match rest.strip_prefix('-') {
            Some(ending) if is_abbreviation(stem) && !ending.is_empty() => ending,
            _ => rest,
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
        if stem == "қырық"
            && rest
                .chars()
                .next()
                .map(to_lower)
                .is_some_and(|c| c == 'ы' || c == 'а')
        {
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
    // The abbreviation of the press, with its period (`25,6 млрд долл.`).
    ("долл", UnitKind::Money("USD", 0)),
    ("рубль", UnitKind::Money("RUB", 0)),
    ("рубл", UnitKind::Money("RUB", 0)),
    ("евро", UnitKind::Money("EUR", 0)),
    ("еуро", UnitKind::Money("EUR", 0)),
    ("юань", UnitKind::Money("CNY", 0)),
    ("юан", UnitKind::Money("CNY", 0)),
    // Other currencies of the news whose Kazakh name is one of a kind
    // (ISO 4217 codes; the names as Unicode CLDR writes them in Kazakh:
    // `Жапония иенасы`, `Украина гривнасы`, `Түрік лирасы`, `Британдық
    // фунт`, `Швейцария франкі`, `Оңтүстік Корея воны`). `сом` (Kyrgyz or
    // Uzbek) and `манат` (Azerbaijani or Turkmen) name two currencies and
    // are left out.
    ("иена", UnitKind::Money("JPY", 0)),
    ("йена", UnitKind::Money("JPY", 0)),
    ("гривна", UnitKind::Money("UAH", 0)),
    ("гривня", UnitKind::Money("UAH", 0)),
    ("лира", UnitKind::Money("TRY", 0)),
    ("фунт", UnitKind::Money("GBP", 0)),
    ("франк", UnitKind::Money("CHF", 0)),
    ("вон", UnitKind::Money("KRW", 0)),
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
    // More units of measurement by their Kazakh names and the symbols
    // written after numbers (the International System of Units and the
    // customary units of the press): `5 м`, `20 кВт`, `3 ц`, `15 мегабайт`.
    ("м", UnitKind::Quantity("метр")),
    ("дм", UnitKind::Quantity("дециметр")),
    ("дециметр", UnitKind::Quantity("дециметр")),
    ("км²", UnitKind::Quantity("шаршы шақырым")),
    ("м²", UnitKind::Quantity("шаршы метр")),
    ("см²", UnitKind::Quantity("шаршы сантиметр")),
    ("м³", UnitKind::Quantity("текше метр")),
    ("см³", UnitKind::Quantity("текше сантиметр")),
    ("т", UnitKind::Quantity("тонна")),
    ("килотонна", UnitKind::Quantity("килотонна")),
    ("ц", UnitKind::Quantity("центнер")),
    ("кило", UnitKind::Quantity("килограмм")),
    ("гр", UnitKind::Quantity("грамм")),
    ("миллиграмм", UnitKind::Quantity("миллиграмм")),
    ("мг", UnitKind::Quantity("миллиграмм")),
    ("л", UnitKind::Quantity("литр")),
    ("миллилитр", UnitKind::Quantity("миллилитр")),
    ("мл", UnitKind::Quantity("миллилитр")),
    ("гигаватт", UnitKind::Quantity("гигаватт")),
    ("ватт", UnitKind::Quantity("ватт")),
    ("квт", UnitKind::Quantity("киловатт")),
    ("мвт", UnitKind::Quantity("мегаватт")),
    ("гвт", UnitKind::Quantity("гигаватт")),
    ("вольт", UnitKind::Quantity("вольт")),
    ("килобайт", UnitKind::Quantity("килобайт")),
    ("мегабайт", UnitKind::Quantity("мегабайт")),
    ("гигабайт", UnitKind::Quantity("гигабайт")),
    ("терабайт", UnitKind::Quantity("терабайт")),
    ("миля", UnitKind::Quantity("миля")),
    ("миль", UnitKind::Quantity("миля")),
    ("фут", UnitKind::Quantity("фут")),
    ("дюйм", UnitKind::Quantity("дюйм")),
    ("калория", UnitKind::Quantity("калория")),
    ("килокалория", UnitKind::Quantity("килокалория")),
    ("ккал", UnitKind::Quantity("килокалория")),
    ("балл", UnitKind::Quantity("балл")),
    ("ұпай", UnitKind::Quantity("ұпай")),
    ("тг", UnitKind::Money("KZT", 0)),
    // Айлық есептік көрсеткіш (the monthly calculation index, in which
    // fines and benefits are set), abbreviated.
    ("аек", UnitKind::Quantity("АЕК")),
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
/// The first two bytes of some stems of [`UNITS`], and those stems.
type UnitHead = ([u8; 2], Vec<(&'static str, UnitKind)>);

/// [`UNITS`] grouped by the first two bytes of their stems, sorted by
/// them, each group in the table's order (the first stem that fits wins):
/// a token's two first bytes find the few stems it may begin with, where
/// a walk of the whole table cost more than a thousand instructions.
static UNIT_HEADS: LazyLock<Vec<UnitHead>> = LazyLock::new(|| {
    let mut heads: Vec<UnitHead> = Vec::new();
    for &(stem, kind) in UNITS {
        // A stem shorter than two bytes would never be matched.
        let Some(&key) = stem.as_bytes().first_chunk::<2>() else {
            continue;
        };
        match heads.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push((stem, kind)),
            None => heads.push((key, vec![(stem, kind)])),
        }
    }
    heads.sort_by_key(|(k, _)| *k);
    heads
});

pub(crate) fn unit(token: &str) -> Option<UnitKind> {
    match token {
        "%" => return Some(UnitKind::Percent),
        "₸" => return Some(UnitKind::Money("KZT", 0)),
        "$" => return Some(UnitKind::Money("USD", 0)),
        "€" => return Some(UnitKind::Money("EUR", 0)),
        "₽" => return Some(UnitKind::Money("RUB", 0)),
        "¥" => return Some(UnitKind::Money("CNY", 0)),
        "£" => return Some(UnitKind::Money("GBP", 0)),
        "₴" => return Some(UnitKind::Money("UAH", 0)),
        "₺" => return Some(UnitKind::Money("TRY", 0)),
        _ => {}
    }
    if let Some(rest) = token.strip_prefix('%') {
        return (rest.len() > 1 && rest.starts_with('-') && is_ending(&rest[1..]))
            .then_some(UnitKind::Percent);
    }
    if token.len() > 48 {
        return None;
    }
    // The first two bytes decide most misses, before any lower-casing;
    // only the stems that begin with them are tried.
    let first = lower_head2(token)?;
    let heads = &*UNIT_HEADS;
    let at = heads.binary_search_by_key(&first, |(k, _)| *k).ok()?;
    let mut buf = [0u8; 64];
    let lower = to_lower_str(token, &mut buf)?;
    let lower = lower.trim_end_matches('.');
    heads[at].1.iter().find_map(|&(stem, kind)| {
        let rest = lower.strip_prefix(stem)?;
        let hyphen = rest.starts_with('-');
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let ok = if rest.is_empty() {
            true
        } else if stem == "ай" {
            MONTH_ENDINGS.contains(&rest)
        } else {
            // Other short stems (га, км, мм, см) take an ending only after
            // a hyphen, as abbreviations do (`12 км-ге`, `5 кг-нан`), so
            // that longer words starting with them stay words.
            (hyphen || stem.chars().count() > 2) && is_ending(rest)
        };
        ok.then_some(kind)
    })
}

/// Whether a mention's text names its percent: the sign or a word for it
/// (`%`, `пайыз`, `процент`, with any ending). Every percentage of KazNERD
/// does.
pub(crate) fn names_percent(text: &str) -> bool {
    text.contains('%')
        || text
            .split_whitespace()
            .any(|w| unit(w) == Some(UnitKind::Percent))
}

/// A qualifier standing after the number (and its unit).
pub(crate) fn qualifier_after(token: &str) -> Option<Approx> {
    // Every qualifier begins with a letter of the Cyrillic block, and only
    // such a letter lowers to one: other tokens (punctuation, digits) are
    // not lowered.
    if !matches!(token.as_bytes().first(), Some(0xD0..=0xD3)) {
        return None;
    }
    let mut buf = [0u8; 64];
    let lower = to_lower_str(token, &mut buf)?;
    let approx = match lower {
        "астам" | "астамы" | "астамын" | "астамды" | "астамға" | "аса" | "артық" | "көп"
        | "жоғары" => Approx::Over,
        "кем" | "аз" | "төмен" => Approx::Under,
        "дейін" | "шейін" => Approx::UpTo,
        "жуық" | "жуығы" | "жуығын" | "жуығында" | "жуықтай" | "тарта" => {
            Approx::About
        }
        "шақты" | "шақтысы" | "шақтысын" | "шамасында" | "шамалы" | "қаралы" => {
            Approx::About
        }
        _ => return None,
    };
    Some(approx)
}

/// A form of the verb `ас-` (exceed) after an ablative amount (`120 мың
/// теңгеден асады`, `отыздан асты`, `метрден асатын`): the amount is a
/// lower bound. KazNERD leaves the verb outside the span, so it qualifies
/// the value only.
pub(crate) fn exceeds(token: &str) -> bool {
    // Every form begins with `ас` (two bytes each) and is short.
    if !token.starts_with("ас") && !token.starts_with("Ас") || token.len() > 24 {
        return false;
    }
    let mut buf = [0u8; 64];
    to_lower_str(token, &mut buf).is_some_and(|lower| {
        matches!(
            lower,
            "асады"
                | "асты"
                | "асып"
                | "асқан"
                | "асатын"
                | "асса"
                | "асар"
                | "асуда"
                | "асқаны"
                | "асқанын"
                | "асқандар"
                | "асыпты"
                | "асады-ау"
        )
    })
}

/// Whether a mention may begin at `token`: digits, a Roman numeral, or a
/// word whose first two letters begin a number word or a qualifier. A
/// superset of what the extractor accepts, cheap enough to run on every
/// token so that most tokens are passed over at once.
pub(crate) fn may_begin_mention(token: &str) -> bool {
    match token.as_bytes().first() {
        Some(b'0'..=b'9' | b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M') => true,
        // Cyrillic: І Х С М as Roman numerals (their two bytes compared,
        // no char decoded), else the two-letter filters.
        Some(0xD0..=0xD3) => {
            token
                .as_bytes()
                .first_chunk::<2>()
                .is_some_and(|b| ["І", "Х", "С", "М"].iter().any(|r| b == r.as_bytes()))
                || head3(token).is_some_and(|h| head_of(h) != Head::Other)
        }
        _ => false,
    }
}

/// Whether the token could begin a qualifier before a number (шамамен,
/// кемінде, кем дегенде, жуық).
pub(crate) fn may_qualify_before(token: &str) -> bool {
    head3(token).is_some_and(|h| head_of(h) == Head::Qualifier)
}

/// `бірнеше` (several) before a hundred or a scale word (`бірнеше жүз`,
/// `бірнеше мың`, `бірнеше млн`): an unknown count of at least two of
/// them, so more than the scale word's value. `token` is the word after
/// `бірнеше`.
pub(crate) fn several_of(token: &str) -> bool {
    number_word(token).is_some_and(|w| matches!(w.role, Role::Hundred | Role::Scale(_)))
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
            // Abbreviations take their ending after a hyphen; words do not.
            ("млн-нан", Some((Role::Scale(6), 0, false))),
            ("млрд-қа", Some((Role::Scale(9), 0, false))),
            ("трлн-ға", Some((Role::Scale(12), 0, false))),
            ("млн-дай", Some((Role::Scale(6), 0, false))),
            ("млн-", None),
            ("мың-нан", None),
            ("миллион-нан", None),
            ("бірақ", None),
            ("үшін", None),
            ("оның", None),
            ("бірге", None),
            ("біреуі", Some((Role::Unit, 1, false))),
            ("Біреуінде", Some((Role::Unit, 1, false))),
            ("біреу-ақ", Some((Role::Unit, 1, false))),
            ("біреу", None),
            ("біреумен", None),
            ("біреуге", None),
            ("біреулер", None),
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
        assert!(number_word("млн-дай").unwrap().about);
        assert!(number_word("млн-нан").unwrap().ablative);
    }

    #[test]
    fn number_stems_longest_first() {
        for (word, stem) in [
            ("жиырмасыншы", Some("жиырма")),
            ("жетпісінші", Some("жетпіс")),
            ("жетінші", Some("жеті")),
            ("қырқыншы", Some("қырқ")),
            ("қырықтан", Some("қырық")),
            ("біреуі", Some("бір")),
            ("триллионға", Some("триллион")),
            ("млн", Some("млн")),
            ("жарымнан", None),
            ("бүтін", None),
            ("адам", None),
            ("", None),
        ] {
            assert_eq!(number_stem_len(word).map(|n| &word[..n]), stem, "{word}");
        }
    }

    #[test]
    fn head_filter_lets_every_stem_and_qualifier_through() {
        let stems = STEMS.iter().map(|s| s.0);
        let words = stems.chain(COLLECTIVES.iter().map(|c| c.0));
        for w in words {
            assert_eq!(head3(w).map(head_of), Some(Head::Number), "{w}");
            // Upper case and an ending change nothing.
            let upper: String = w.chars().flat_map(char::to_uppercase).collect();
            assert_eq!(head3(&upper).map(head_of), Some(Head::Number), "{upper}");
        }
        for q in [
            "шамамен",
            "шамасы",
            "шамада",
            "жуық",
            "кемінде",
            "кемі",
            "кем",
            "ең",
        ] {
            assert_eq!(head3(q).map(head_of), Some(Head::Qualifier), "{q}");
            assert!(may_qualify_before(q), "{q}");
        }
        for other in ["жер", "кейін", "жаңа", "ел", "мысалы", "а", ""] {
            assert!(!may_begin_mention(other), "{other}");
        }
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
            ("АЕК", Some(UnitKind::Quantity("АЕК"))),
            ("АЕК-тен", Some(UnitKind::Quantity("АЕК"))),
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
