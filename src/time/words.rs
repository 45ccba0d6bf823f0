//! The words of temporal expressions: months, seasons, weekdays, units of
//! time, parts of the day, and the words that place a point relative to
//! the present. Each is a stem that takes the nominal endings: case,
//! third-person possessive, plural, and the adjective `-ғы/-гі` (`мамырда`,
//! `қаңтарында`, `жазғы`, `жылдары`). Sources: the month, season and
//! weekday names are those of CLDR's Kazakh calendar data and of
//! ../shared/kazakh-facts.md; the relative words are the standard
//! language's (Kazakh grammar references; KazNERD's DATE spans show them
//! in use).

use super::{DayPart, Season, Unit};
use crate::letters::to_lower_str;
use crate::tokenizer::is_ending;

/// How a temporal word ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ending<'a> {
    /// The ending after the stem, lower case (`ында`, `ғы`, empty).
    pub(crate) text: &'a str,
}

impl Ending<'_> {
    pub(crate) fn is_bare(self) -> bool {
        self.text.is_empty()
    }
    /// `-дан/-нен/…`: from (`мамырдан`, `жылдан`).
    pub(crate) fn is_ablative(self) -> bool {
        ["дан", "ден", "тан", "тен", "нан", "нен"]
            .iter()
            .any(|a| self.text.ends_with(a))
    }
    /// `-ға/-не/…`: to (`мамырға`, `жылға`).
    pub(crate) fn is_dative(self) -> bool {
        ["ға", "ге", "қа", "ке", "на", "не", "а", "е"]
            .iter()
            .any(|a| self.text.ends_with(a))
            && !self.is_adjective()
            && !self.text.ends_with("ша")
            && !self.text.ends_with("ше")
    }
    /// `-дың/-нің/…`: of (`жылдың`, `мамырының`).
    pub(crate) fn is_genitive(self) -> bool {
        ["ың", "ің"].iter().any(|a| self.text.ends_with(a))
    }
    /// The adjective `-ғы/-гі/-қы/-кі`, alone or after the locative
    /// (`жылғы`, `жаздағы`).
    pub(crate) fn is_adjective(self) -> bool {
        ["ғы", "гі", "қы", "кі"]
            .iter()
            .any(|a| self.text.ends_with(a))
    }
    /// The plural (`жылдары`, `жылдардағы`).
    pub(crate) fn is_plural(self) -> bool {
        ["лар", "лер", "дар", "дер", "тар", "тер"]
            .iter()
            .any(|a| self.text.starts_with(a))
    }
}

/// Whether `rest` may follow a temporal stem: nothing, a nominal ending of
/// the inventory other than the first- and second-person possessives
/// (`қысым` is pressure, not "my winter"), or the adjective `-ғы/-гі`
/// with what may follow it.
fn ending_ok(rest: &str) -> bool {
    if rest.is_empty() {
        return true;
    }
    for adj in ["ғы", "гі", "қы", "кі"] {
        if let Some(after) = rest.strip_prefix(adj) {
            return after.is_empty() || is_ending(after);
        }
    }
    // Derivations are other words: `-шы/-ші` a person (`қазаншы`, a
    // cauldron maker), `-дық/-лық` an adjective or abstract noun
    // (`қазандық`, a boiler).
    if [
        "шы", "ші", "дық", "дік", "тық", "тік", "лық", "лік", "дығ", "діг", "тығ", "тіг", "лығ",
        "ліг",
    ]
    .iter()
    .any(|d| rest.starts_with(d))
    {
        return false;
    }
    let personal = ["ым", "ім", "ың", "ің", "м", "ң"]
        .iter()
        .any(|p| rest.starts_with(p))
        && !["ымен", "імен", "мен"].iter().any(|p| rest.starts_with(p));
    !personal && is_ending(rest)
}

/// Whether an attributive `-ғы/-гі/-қы/-кі` at the start of `rest` has the
/// consonant the end of `stem` calls for: `-қы/-кі` after a voiceless
/// consonant (`кешкі`, `сағатқы`), `-ғы/-гі` after a vowel or a voiced one
/// (`жылғы`, `күнгі`). `жылқы` (a horse) is no attributive of `жыл`.
/// Anything else in `rest` passes.
fn attributive_agrees(stem: &str, rest: &str) -> bool {
    let voiceless_suffix = rest.starts_with("қы") || rest.starts_with("кі");
    let voiced_suffix = rest.starts_with("ғы") || rest.starts_with("гі");
    if !voiceless_suffix && !voiced_suffix {
        return true;
    }
    crate::morph::ends_voiceless(stem) == voiceless_suffix
}

/// The stems of a table of this module.
pub(crate) fn stems<T>(table: &'static [(&'static str, T)]) -> impl Iterator<Item = &'static str> {
    table.iter().map(|(s, _)| *s)
}

/// Finds the stem of `table` that `word` (any letter case) begins with,
/// followed by an allowed ending; the longest stem wins.
fn lookup<'b, T: Copy>(
    word: &str,
    buf: &'b mut [u8; 64],
    table: &[(&str, T)],
    ok: fn(&str) -> bool,
) -> Option<(T, Ending<'b>)> {
    let lower: &'b str = to_lower_str(word, buf)?;
    let mut best: Option<(usize, T, &'b str)> = None;
    for &(stem, value) in table {
        if let Some(rest) = lower.strip_prefix(stem) {
            if ok(rest)
                && attributive_agrees(stem, rest)
                && best.map_or(true, |(len, _, _)| stem.len() > len)
            {
                best = Some((stem.len(), value, rest));
            }
        }
    }
    best.map(|(_, value, rest)| (value, Ending { text: rest }))
}

/// Month names, 1–12.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("қаңтар", 1),
    ("ақпан", 2),
    ("наурыз", 3),
    ("сәуір", 4),
    ("мамыр", 5),
    ("маусым", 6),
    ("шілде", 7),
    ("тамыз", 8),
    ("қыркүйек", 9),
    ("қазан", 10),
    ("қараша", 11),
    ("желтоқсан", 12),
    // The Russian names, common in speech (`жиырмасыншы сентябрьде`);
    // `май` (also fat, oil) is read only after a day.
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
];

/// A month name in any form: `мамыр`, `мамырда`, `қаңтарында`.
pub(crate) fn month<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<(u8, Ending<'b>)> {
    if word.len() < 8 || !starts_cyrillic(word) {
        return None;
    }
    lookup(word, buf, MONTHS, ending_ok)
}

/// Two month names joined in one token by a hyphen or dash, the range
/// between them: `қаңтар-маусым`, `ақпан–наурызда` (the first bare, the
/// second in any form, as KazNERD and encyclopedic prose write them).
pub(crate) fn month_pair<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<(u8, u8, Ending<'b>)> {
    let (first, second) = word.split_once(['-', '–', '—'])?;
    let mut first_buf = [0u8; 64];
    let (m1, e1) = month(first, &mut first_buf)?;
    if !e1.text.is_empty() {
        return None;
    }
    let (m2, e2) = month(second, buf)?;
    (m1 != m2).then_some((m1, m2, e2))
}

/// A month name after a day number, where `май` is May: `10 май`,
/// `оныншы майда`.
pub(crate) fn month_after_day<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<(u8, Ending<'b>)> {
    if word.len() < 6 || !starts_cyrillic(word) {
        return None;
    }
    const MAY: &[(&str, u8)] = &[("май", 5)];
    let named = lookup(word, &mut [0u8; 64], MONTHS, ending_ok).is_some();
    let table = if named { MONTHS } else { MAY };
    lookup(word, buf, table, ending_ok)
}

/// Months whose name is also a common word or a name: `маусым` (season),
/// `қазан` (cauldron; the city Қазан), `наурыз` (the spring holiday).
/// Alone they count only where a date is written around them.
pub(crate) fn is_ambiguous_month(m: u8) -> bool {
    matches!(m, 3 | 6 | 10)
}

pub(crate) const SEASONS: &[(&str, Season)] = &[
    ("көктем", Season::Spring),
    ("жаз", Season::Summer),
    ("күз", Season::Autumn),
    ("қыс", Season::Winter),
];

/// The endings a season takes in temporal use; short stems such as `жаз`
/// (write), `қыс` (press) and `күз` also begin verbs and other nouns, so
/// only these are read.
fn season_ending(rest: &str) -> bool {
    matches!(
        rest,
        "" | "да"
            | "де"
            | "та"
            | "те"
            | "дан"
            | "ден"
            | "тан"
            | "тен"
            | "ға"
            | "ге"
            | "ғы"
            | "гі"
            | "қы"
            | "кі"
            | "ы"
            | "і"
            | "ында"
            | "інде"
            | "ынан"
            | "інен"
            | "ына"
            | "іне"
            | "ының"
            | "інің"
            | "дың"
            | "дің"
            | "тың"
            | "тің"
            | "ның"
            | "нің"
            | "нен"
            | "ге дейін"
            | "дағы"
            | "дегі"
            | "тағы"
            | "тегі"
            | "гілік"
            // The adverb of a season (`қыстыгүні`, `жаздыгүні`,
            // `күздігүні`: in winter, in summer, in autumn).
            | "тыгүні"
            | "дыгүні"
            | "дігүні"
    )
}

/// A season in temporal use: `жазда`, `қыстан`, `көктемгі`, `күзінде`.
pub(crate) fn season<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<(Season, Ending<'b>)> {
    if word.len() < 6 || !starts_cyrillic(word) {
        return None;
    }
    lookup(word, buf, SEASONS, season_ending)
}

/// The season of an adjective derived from its name with `-дық/-дік`
/// (`күздік бидай`, autumn-sown wheat; `жаздық`): KazNERD labels these
/// dates, but they mostly describe crops, so only a span something else
/// has decided is a date reads them.
pub(crate) fn season_adjective(word: &str) -> Option<Season> {
    if word.len() < 6 || !starts_cyrillic(word) {
        return None;
    }
    let ok = |rest: &str| matches!(rest, "дық" | "дік" | "тық" | "тік");
    lookup(word, &mut [0u8; 64], SEASONS, ok).map(|(s, _)| s)
}

pub(crate) const WEEKDAYS: &[(&str, u8)] = &[
    ("дүйсенбі", 1),
    ("сейсенбі", 2),
    ("сәрсенбі", 3),
    ("бейсенбі", 4),
    ("жұма", 5),
    ("сенбі", 6),
    ("жексенбі", 7),
];

/// A weekday, 1 = Monday: `дүйсенбіде`, `жұмадан`.
pub(crate) fn weekday<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<(u8, Ending<'b>)> {
    if word.len() < 8 || !starts_cyrillic(word) {
        return None;
    }
    lookup(word, buf, WEEKDAYS, ending_ok)
}

pub(crate) const UNITS: &[(&str, Unit)] = &[
    ("жыл", Unit::Year),
    ("ай", Unit::Month),
    ("апта", Unit::Week),
    ("күн", Unit::Day),
    ("тәулік", Unit::Day),
    ("сағат", Unit::Hour),
    ("минут", Unit::Minute),
    ("секунд", Unit::Second),
    ("ғасыр", Unit::Century),
    ("онжылдық", Unit::Decade),
];

/// Endings of `ай` (month), whose short stem begins many words (`айт`,
/// `айна`, `айыр`).
fn month_unit_ending(rest: &str) -> bool {
    matches!(
        rest,
        "" | "да"
            | "дан"
            | "ға"
            | "дың"
            | "ды"
            | "дағы"
            | "ы"
            | "ында"
            | "ынан"
            | "ына"
            | "ының"
            | "ын"
            | "лар"
            | "лары"
            | "ларда"
            | "лардан"
            | "ларға"
            | "ларында"
            | "лық"
            | "лығы"
            | "мен"
            | "ымен"
            | "дай"
    )
}

fn unit_ending(rest: &str) -> bool {
    ending_ok(rest)
        || matches!(
            rest,
            "дық" | "дік" | "тық" | "тік" | "лық" | "лік"
                // Distributive: `төрт сағаттап` (four hours at a time).
                | "тап" | "теп" | "дап" | "деп" | "лап" | "леп"
        )
}

/// A unit of time in any form: `жылға`, `айына`, `сағаттан`, `күндік`.
pub(crate) fn unit<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<(Unit, Ending<'b>)> {
    if word.len() < 4 || !starts_cyrillic(word) {
        return None;
    }
    let (u, e) = lookup(word, buf, UNITS, unit_ending)?;
    if u == Unit::Month && !month_unit_ending(e.text) {
        return None;
    }
    Some((u, e))
}

/// `-дай/-дей`: about so long (`бір айдай`).
pub(crate) fn is_about(e: Ending<'_>) -> bool {
    ["дай", "дей", "тай", "тей"]
        .iter()
        .any(|a| e.text.ends_with(a))
}

/// `-дық/-лық`: a unit made an adjective (`бес жылдық жоспар`).
pub(crate) fn is_unit_adjective(e: Ending<'_>) -> bool {
    ["дық", "дік", "тық", "тік", "лық", "лік"]
        .iter()
        .any(|a| e.text.starts_with(a))
}

/// Years relative to the present: `биыл` (this year), `былтыр` (last
/// year), in any form (`биылғы`, `былтырдан`).
pub(crate) fn year_word<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<(i16, Ending<'b>)> {
    if word.len() < 8 || !starts_cyrillic(word) {
        return None;
    }
    lookup(word, buf, &[("биыл", 0), ("былтыр", -1)], ending_ok)
}

/// Days relative to the present: `бүгін`, `кеше`, `ертең`, `бүрсігүні`,
/// `алдыңғы күні` is two words and not here.
pub(crate) fn day_word<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<(i16, Ending<'b>)> {
    if word.len() < 8 || !starts_cyrillic(word) {
        return None;
    }
    lookup(
        word,
        buf,
        &[("бүгін", 0), ("кеше", -1), ("ертең", 1), ("бүрсігүні", 2)],
        day_ending,
    )
}

/// The endings of the relative day words, which are adverbs and take
/// few: `бүгінгі`, `бүгінге`, `бүгіннен`, `бүгінде`, `кешегі`, `кешеден`
/// (`кешені` is a complex's, `ертеңгілік` a morning show).
fn day_ending(rest: &str) -> bool {
    matches!(
        rest,
        "" | "гі"
            | "ге"
            | "нен"
            | "ден"
            | "де"
            | "дері"
            | "гіге"
            | "гіден"
            | "гінің"
            | "гіні"
            | "гідей"
            | "ге дейін"
    )
}

/// Words that place the next unit word relative to the present: `өткен
/// жылы` (last year), `келесі айда`, `осы аптада`, `биылғы жылы`.
pub(crate) fn shift_word(word: &str) -> Option<i16> {
    let mut buf = [0u8; 64];
    let lower = to_lower_str(word, &mut buf)?;
    match lower {
        "өткен" | "былтырғы" => Some(-1),
        // `ендігі жылы` (next year), of speech.
        "келесі" | "келер" | "алдағы" | "ендігі" => Some(1),
        // `үстіміздегі` (the one we are in), of officialese.
        "осы" | "биылғы" | "ағымдағы" | "үстіміздегі" => Some(0),
        _ => None,
    }
}

/// Parts of the day: `таңертең`, `түнде`, `кешке`, `күндіз`, `түсте`.
pub(crate) fn day_part(word: &str) -> Option<DayPart> {
    if word.len() < 4 || !starts_cyrillic(word) {
        return None;
    }
    let mut buf = [0u8; 64];
    let lower = to_lower_str(word, &mut buf)?;
    let part = match lower {
        "таңертең"
        | "таңертеңнен"
        | "таңертеңге"
        | "таңертеңгі"
        | "таң"
        | "таңнан"
        | "таңғы"
        | "таңсәріде" => DayPart::Morning,
        "түс" | "түсте" | "түскі" | "түстен" | "түске" => DayPart::Midday,
        "кеш" | "кешке" | "кешкі" | "кештен" | "кешқұрым" | "кешкісін" => {
            DayPart::Evening
        }
        "түн" | "түнде" | "түнгі" | "түні" | "түннің" | "түннен" | "түнге" => {
            DayPart::Night
        }
        "күндіз" | "күндізгі" => DayPart::Daytime,
        _ => return None,
    };
    Some(part)
}

/// Whether a word is the adjective of a part of the day that sets the
/// clock's half (`таңғы сағат 8`, `кешкі 9-да`, `түнгі 12`, `түскі 2`).
pub(crate) fn clock_part(word: &str) -> Option<DayPart> {
    let mut buf = [0u8; 64];
    let lower = to_lower_str(word, &mut buf)?;
    match lower {
        "таңғы" | "таңертеңгі" => Some(DayPart::Morning),
        "түскі" | "түстен" => Some(DayPart::Afternoon),
        "кешкі" => Some(DayPart::Evening),
        "түнгі" | "түннің" => Some(DayPart::Night),
        "күндізгі" => Some(DayPart::Daytime),
        _ => None,
    }
}

/// Whether a word is the adverb of a part of the day (`таңертең`,
/// `кешке`, `кешкісін`, `түнде`, `күндіз`), which sets the clock's half
/// only before `сағат` (`кешкісін сағат 10-да`): before a bare number it
/// is as often a time of its own and a count (`кешке 5 адам келді`).
pub(crate) fn clock_adverb(word: &str) -> Option<DayPart> {
    let mut buf = [0u8; 64];
    let lower = to_lower_str(word, &mut buf)?;
    match lower {
        "таңертең" | "таңертеңгісін" => Some(DayPart::Morning),
        "кешке" | "кешкісін" => Some(DayPart::Evening),
        "түнде" => Some(DayPart::Night),
        "күндіз" => Some(DayPart::Daytime),
        _ => None,
    }
}

/// Temporal expressions are written in Cyrillic: a cheap first test.
fn starts_cyrillic(word: &str) -> bool {
    matches!(word.as_bytes().first(), Some(0xD0..=0xD3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_every_form_and_not_other_words() {
        let mut buf = [0u8; 64];
        for (word, want) in [
            ("мамыр", Some(5)),
            ("мамырда", Some(5)),
            ("Қаңтарында", Some(1)),
            ("желтоқсанның", Some(12)),
            ("шілдеде", Some(7)),
            ("қыркүйектен", Some(9)),
            ("мамыры", Some(5)),
            ("қазанның", Some(10)),
            ("қазаншы", None),
            ("қазандықтарына", None),
            ("мамырым", None),
            ("мама", None),
        ] {
            assert_eq!(month(word, &mut buf).map(|(m, _)| m), want, "{word}");
        }
    }

    #[test]
    fn seasons_only_in_temporal_forms() {
        let mut buf = [0u8; 64];
        for (word, want) in [
            ("жазда", Some(Season::Summer)),
            ("Қыстыгүні", Some(Season::Winter)),
            ("жаздыгүні", Some(Season::Summer)),
            ("күздігүні", Some(Season::Autumn)),
            // Adjectives that classify (`күздік бидай`, autumn-sown wheat)
            // name no time, and `жаздық` is also a verb (we wrote).
            ("күздік", None),
            ("жаздық", None),
            ("қыстық", None),
            ("жазғы", Some(Season::Summer)),
            ("қысқы", Some(Season::Winter)),
            ("көктемінде", Some(Season::Spring)),
            ("күзде", Some(Season::Autumn)),
            ("жазды", None),
            ("жазу", None),
            ("қысым", None),
            ("күзет", None),
        ] {
            assert_eq!(season(word, &mut buf).map(|(s, _)| s), want, "{word}");
        }
    }

    #[test]
    fn units_and_their_endings() {
        let mut buf = [0u8; 64];
        for (word, want) in [
            ("жылға", Some(Unit::Year)),
            ("жылдары", Some(Unit::Year)),
            ("айына", Some(Unit::Month)),
            ("айтты", None),
            // The attributive agrees with the stem's last consonant: a
            // word that only looks like one is another word (a horse).
            ("жылғы", Some(Unit::Year)),
            ("жылқы", None),
            ("жылқының", None),
            ("күнгі", Some(Unit::Day)),
            ("аптаның", Some(Unit::Week)),
            ("сағаттан", Some(Unit::Hour)),
            ("жылдық", Some(Unit::Year)),
            ("тәулік", Some(Unit::Day)),
            ("жылым", None),
        ] {
            assert_eq!(unit(word, &mut buf).map(|(u, _)| u), want, "{word}");
        }
    }

    #[test]
    fn relative_words() {
        let mut buf = [0u8; 64];
        assert_eq!(year_word("Биылғы", &mut buf).map(|(n, _)| n), Some(0));
        assert_eq!(year_word("былтырдан", &mut buf).map(|(n, _)| n), Some(-1));
        assert_eq!(day_word("Кешегі", &mut buf).map(|(n, _)| n), Some(-1));
        assert_eq!(day_word("бүрсігүні", &mut buf).map(|(n, _)| n), Some(2));
        assert_eq!(day_word("кешенді", &mut buf), None);
        assert_eq!(day_word("кешені", &mut buf), None);
        assert_eq!(day_word("бүгіннен", &mut buf).map(|(n, _)| n), Some(0));
        assert_eq!(shift_word("Өткен"), Some(-1));
        assert_eq!(day_part("таңертең"), Some(DayPart::Morning));
    }
}
