//! Temporal expressions: every form, with its exact TIMEX3 value
//! unanchored and anchored to a document date, through the public API
//! (`kazakh::numbers::extract`, `NumberMention::anchored`).

use kazakh::numbers::{extract, NumberKind, NumberMention, Value};
use kazakh::time::{Bound, Date, Modifier, Nearest};

/// The anchor of the tables: Saturday 15 June 2024, ISO week 24.
fn anchor() -> Date {
    "2024-06-15".parse().expect("a date")
}

/// The temporal mentions of `text`.
fn temporal(text: &str) -> Vec<NumberMention<'_>> {
    extract(text)
        .into_iter()
        .filter(|m| {
            matches!(
                m.kind(),
                NumberKind::Date | NumberKind::Time | NumberKind::Duration | NumberKind::Set
            )
        })
        .collect()
}

/// The one temporal mention of `text`.
fn one(text: &str) -> NumberMention<'_> {
    let found = temporal(text);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found.into_iter().next().expect("one")
}

fn timex(m: &NumberMention<'_>) -> kazakh::time::Timex {
    match m.value() {
        Value::Time(t) => t,
        other => panic!("{:?} has value {other:?}", m.text()),
    }
}

use NumberKind::{Date as D, Duration as P, Set as S, Time as T};

/// (input, mention text, kind, value unanchored, value anchored at
/// 2024-06-15). A range prints as `min..max`.
const FORMS: &[(&str, &str, NumberKind, &str, &str)] = &[
    // Dates written out and in digits.
    (
        "Жиын 2024 жылғы 12 мамырда өтті.",
        "2024 жылғы 12 мамырда",
        D,
        "2024-05-12",
        "2024-05-12",
    ),
    (
        "2024 жылдың 12 мамырында",
        "2024 жылдың 12 мамырында",
        D,
        "2024-05-12",
        "2024-05-12",
    ),
    // Digits whose hyphen stands for the ordinal suffix before `тоқсан`
    // (quarter; also the word for ninety): a quarter, not a range to 90.
    (
        "2024 жылдың 1-тоқсанында",
        "2024 жылдың 1-тоқсанында",
        D,
        "2024-Q1",
        "2024-Q1",
    ),
    ("2-тоқсанда өсті", "2-тоқсанда", D, "XXXX-Q2", "2024-Q2"),
    // An academic year: two years running into each other.
    (
        "2023-2024 оқу жылында",
        "2023-2024 оқу жылында",
        D,
        "2023..2024",
        "2023..2024",
    ),
    // The plural abbreviations of years and centuries, with one period or
    // two.
    ("1990 жж. басында", "1990 жж.", D, "199", "199"),
    ("1930 ж.ж. ашаршылық", "1930 ж.ж.", D, "193", "193"),
    (
        "1920-1930 ж.ж. аралығында",
        "1920-1930 ж.ж. аралығында",
        D,
        "1920..1930",
        "1920..1930",
    ),
    ("XV-XVI ғ.ғ. сәулеті", "XV-XVI ғ.ғ.", D, "14..15", "14..15"),
    (
        "2024/2025 оқу жылы басталды",
        "2024/2025 оқу жылы",
        D,
        "2024..2025",
        "2024..2025",
    ),
    // Days of one month after the year: the range keeps the year.
    (
        "Жиын 2024 жылдың 12-13 наурызында өтеді.",
        "2024 жылдың 12-13 наурызында",
        D,
        "2024-03-12..2024-03-13",
        "2024-03-12..2024-03-13",
    ),
    // A month in the genitive owns its day, which takes the possessive:
    // the eighth of March is `наурыздың 8-і`.
    (
        "Кадрлар тамыздың он тоғызы күні түсірілген.",
        "тамыздың он тоғызы",
        D,
        "XXXX-08-19",
        "2024-08-19",
    ),
    (
        "наурыздың 8-і",
        "наурыздың 8-і",
        D,
        "XXXX-03-08",
        "2024-03-08",
    ),
    (
        "мамыр айының 5-інде",
        "мамыр айының 5-інде",
        D,
        "XXXX-05-05",
        "2024-05-05",
    ),
    (
        "сәуірдің 29-ы мен мамырдың 5-і күндері аралығында өтеді",
        "сәуірдің 29-ы мен мамырдың 5-і күндері аралығында",
        D,
        "XXXX-04-29..XXXX-05-05",
        "2024-04-29..2024-05-05",
    ),
    (
        "Наурыздың бесі мен он төрті аралығында",
        "Наурыздың бесі мен он төрті аралығында",
        D,
        "XXXX-03-05..XXXX-03-14",
        "2024-03-05..2024-03-14",
    ),
    (
        "Оқиға 15.03.2024 күні болды.",
        "15.03.2024",
        D,
        "2024-03-15",
        "2024-03-15",
    ),
    (
        "Мерзімі 2024-03-15 дейін.",
        "2024-03-15",
        D,
        "2024-03-15",
        "2024-03-15",
    ),
    (
        "Мерзімі 15/03/2024 болды.",
        "15/03/2024",
        D,
        "2024-03-15",
        "2024-03-15",
    ),
    ("Ол 1991 ж. құрылды.", "1991 ж.", D, "1991", "1991"),
    ("Ол 1955 жылы туған.", "1955 жылы", D, "1955", "1955"),
    // A year's forms make three digits a year (a length of years takes
    // others: `479 жылға`).
    ("479 жылы басталды", "479 жылы", D, "0479", "0479"),
    (
        "768-814 жылдары билеген",
        "768-814 жылдары",
        D,
        "0768..0814",
        "0768..0814",
    ),
    ("479 жылға созылды", "479 жылға", P, "P479Y", "P479Y"),
    (
        "Екі мың жиырмасыншы жылы басталды.",
        "Екі мың жиырмасыншы жылы",
        D,
        "2020",
        "2020",
    ),
    (
        "2020-сыншы жылдың 1-інші қаңтарынан",
        "2020-сыншы жылдың 1-інші қаңтарынан",
        D,
        "2020-01-01",
        "2020-01-01",
    ),
    ("ХХІ ғ. басы", "ХХІ ғ.", D, "20", "20"),
    ("XXI ғасырда өмір сүреміз", "XXI ғасырда", D, "20", "20"),
    // Digits before `ғасыр` name the century too, but a count of
    // centuries back or through is a length; a number word is one.
    ("Ол 19 ғасырда өмір сүрді", "19 ғасырда", D, "18", "18"),
    (
        "бұдан 2 ғасыр бұрын болған",
        "2 ғасыр бұрын",
        D,
        "PAST_REF",
        "PAST_REF",
    ),
    (
        "бұдан екі ғасыр бұрын болған",
        "екі ғасыр бұрын",
        D,
        "PAST_REF",
        "PAST_REF",
    ),
    ("3 ғасыр бойы созылды", "3 ғасыр бойы", P, "P300Y", "P300Y"),
    ("екі ғасыр өтті", "екі ғасыр", P, "P200Y", "P200Y"),
    // Two ordinals in words in one token: a range of centuries.
    (
        "жетінші-сегізінші ғасырларда",
        "жетінші-сегізінші ғасырларда",
        D,
        "06..07",
        "06..07",
    ),
    ("1990 жылдары", "1990 жылдары", D, "199", "199"),
    ("90-жылдары", "90-жылдары", D, "199", "199"),
    ("91-інші жылы салынған", "91-інші жылы", D, "XX91", "1991"),
    (
        "27-нші наурыз",
        "27-нші наурыз",
        D,
        "XXXX-03-27",
        "2024-03-27",
    ),
    (
        "Бірінші сәуірден бастап",
        "Бірінші сәуірден",
        D,
        "XXXX-04-01",
        "2024-04-01",
    ),
    (
        "жиырмасыншы сентябрьде",
        "жиырмасыншы сентябрьде",
        D,
        "XXXX-09-20",
        "2024-09-20",
    ),
    // Months, quarters, halves, seasons, weekdays.
    (
        "Қаңтарында жиналады.",
        "Қаңтарында",
        D,
        "XXXX-01",
        "2024-01",
    ),
    ("мамырдан бастап", "мамырдан", D, "XXXX-05", "2024-05"),
    (
        "бірінші тоқсанында өсті",
        "бірінші тоқсанында",
        D,
        "XXXX-Q1",
        "2024-Q1",
    ),
    (
        "2024 жылдың бірінші тоқсанында",
        "2024 жылдың бірінші тоқсанында",
        D,
        "2024-Q1",
        "2024-Q1",
    ),
    (
        "жылдың екінші жартысында",
        "жылдың екінші жартысында",
        D,
        "XXXX-H2",
        "2024-H2",
    ),
    // The hyphen of digits stands for the ordinal suffix before a month
    // (`16-желтоқсан`, the sixteenth of December).
    (
        "16-желтоқсанда мереке",
        "16-желтоқсанда",
        D,
        "XXXX-12-16",
        "2024-12-16",
    ),
    (
        "2024 жылғы 12-мамырда өтті",
        "2024 жылғы 12-мамырда",
        D,
        "2024-05-12",
        "2024-05-12",
    ),
    // A day of a month placed relative to now.
    (
        "осы айдың 15-інде шешім шығады",
        "осы айдың 15-інде",
        D,
        "XXXX-XX-15",
        "2024-06-15",
    ),
    (
        "өткен айдың жиырмасында келді",
        "өткен айдың жиырмасында",
        D,
        "XXXX-XX-20",
        "2024-05-20",
    ),
    // A day in the possessive before `күні` is a day of a month the text
    // does not name (with a document date, the document's month), not a
    // length of days.
    (
        "олар 25-і күні жолға шығады",
        "25-і күні",
        D,
        "XXXX-XX-25",
        "2024-06-25",
    ),
    (
        "жиырма үші күні келді",
        "жиырма үші күні",
        D,
        "XXXX-XX-23",
        "2024-06-23",
    ),
    // June has no 31st: the month stays unknown.
    ("31-і күні", "31-і күні", D, "XXXX-XX-31", "2024-XX-31"),
    // After `былтыр` the year's part stays joined: only so does the
    // mention say whose end it is (`after_a_bare_this_year…` below).
    ("былтыр жыл соңына", "былтыр жыл соңына", D, "XXXX", "2023"),
    // A part of the current week or month (`аптаның соңында`, `ай
    // соңына дейін`), as of the current year.
    (
        "Аптаның соңында шешіледі",
        "Аптаның соңында",
        D,
        "XXXX-WXX",
        "2024-W24",
    ),
    (
        "айдың аяғына дейін тапсырылады",
        "айдың аяғына дейін",
        D,
        "XXXX-XX",
        "2024-06",
    ),
    ("ай басында", "ай басында", D, "XXXX-XX", "2024-06"),
    // A part or half of a month whose name is also a word: after the
    // genitive it is the month (`наурыз` also the holiday, `қазан` the
    // cauldron); the season `маусым` and the city `Қазан` stay out
    // (`words_that_only_look_temporal`).
    (
        "Наурыздың соңында егіс басталады",
        "Наурыздың соңында",
        D,
        "XXXX-03",
        "2024-03",
    ),
    (
        "қазанның басында көрсетеді",
        "қазанның басында",
        D,
        "XXXX-10",
        "2024-10",
    ),
    (
        "наурыздың бірінші жартысында",
        "наурыздың бірінші жартысында",
        D,
        "XXXX-03",
        "2024-03",
    ),
    // The first or last quarter or half, and a month or the first day of
    // a season after its genitive.
    (
        "алғашқы тоқсанда",
        "алғашқы тоқсанда",
        D,
        "XXXX-Q1",
        "2024-Q1",
    ),
    (
        "соңғы тоқсанында",
        "соңғы тоқсанында",
        D,
        "XXXX-Q4",
        "2024-Q4",
    ),
    (
        "алғашқы жартыжылдықта",
        "алғашқы жартыжылдықта",
        D,
        "XXXX-H1",
        "2024-H1",
    ),
    // Bare, `тоқсан` is ninety.
    (
        "соңғы тоқсан жылда",
        "соңғы тоқсан жылда",
        P,
        "P90Y",
        "P90Y",
    ),
    (
        "жаздың алғашқы айын",
        "жаздың алғашқы айын",
        D,
        "XXXX-06",
        "2024-06",
    ),
    (
        "Көктемнің алғашқы күні",
        "Көктемнің алғашқы күні",
        D,
        "XXXX-03-01",
        "2024-03-01",
    ),
    (
        "күздің соңғы айында",
        "күздің соңғы айында",
        D,
        "XXXX-11",
        "2024-11",
    ),
    // `ендігі` (next), `айы` after a placed month, a decade of the last
    // century.
    ("Ендігі жылы салынбақ", "Ендігі жылы", D, "XXXX", "2025"),
    (
        "өткен ақпан айында құрылған",
        "өткен ақпан айында",
        D,
        "XXXX-02",
        "2024-02",
    ),
    // The first or last half or quarter of a year named before it.
    (
        "2024 жылдың алғашқы жартысында",
        "2024 жылдың алғашқы жартысында",
        D,
        "2024-H1",
        "2024-H1",
    ),
    (
        "Биылғы жылдың алғашқы жартысында",
        "Биылғы жылдың алғашқы жартысында",
        D,
        "XXXX-H1",
        "2024-H1",
    ),
    (
        "жылдың соңғы тоқсанында",
        "жылдың соңғы тоқсанында",
        D,
        "XXXX-Q4",
        "2024-Q4",
    ),
    (
        "Компанияның бірінші жартыжылдығында",
        "бірінші жартыжылдығында",
        D,
        "XXXX-H1",
        "2024-H1",
    ),
    // The last or next named month or season is the nearest one before
    // or after the anchor's (June 2024), one under way neither;
    // `былтырғы` names the year before, and winter keeps its year.
    (
        "Өткен ақпанда ашылды",
        "Өткен ақпанда",
        D,
        "XXXX-02",
        "2024-02",
    ),
    ("өткен маусымда", "өткен маусымда", D, "XXXX-06", "2023-06"),
    (
        "өткен желтоқсаннан бері",
        "өткен желтоқсаннан бері",
        D,
        "XXXX-12",
        "2023-12",
    ),
    (
        "келесі қыркүйекте",
        "келесі қыркүйекте",
        D,
        "XXXX-09",
        "2024-09",
    ),
    (
        "алдағы наурызда",
        "алдағы наурызда",
        D,
        "XXXX-03",
        "2025-03",
    ),
    (
        "келесі маусымда",
        "келесі маусымда",
        D,
        "XXXX-06",
        "2025-06",
    ),
    ("өткен көктемде", "өткен көктемде", D, "XXXX-SP", "2024-SP"),
    ("өткен жазда", "өткен жазда", D, "XXXX-SU", "2023-SU"),
    ("келесі жазда", "келесі жазда", D, "XXXX-SU", "2025-SU"),
    ("келесі күзде", "келесі күзде", D, "XXXX-FA", "2024-FA"),
    (
        "былтырғы ақпанда",
        "былтырғы ақпанда",
        D,
        "XXXX-02",
        "2023-02",
    ),
    ("өткен қыста", "өткен қыста", D, "XXXX-WI", "2023-WI"),
    (
        "өткен ғасырдың елуінші жылдары салынған",
        "өткен ғасырдың елуінші жылдары",
        D,
        "195",
        "195",
    ),
    // The plural of a unit after a word that places it: the past or the
    // future, how far unsaid.
    (
        "соңғы күндері келді",
        "соңғы күндері",
        D,
        "PAST_REF",
        "PAST_REF",
    ),
    (
        "алдағы айларда шешіледі",
        "алдағы айларда",
        D,
        "FUTURE_REF",
        "FUTURE_REF",
    ),
    (
        "Кейінгі жылдары енді",
        "Кейінгі жылдары",
        D,
        "PAST_REF",
        "PAST_REF",
    ),
    (
        "өткен жылдармен салыстырғанда",
        "өткен жылдармен",
        D,
        "PAST_REF",
        "PAST_REF",
    ),
    // A range of days before a month takes `күндері`.
    (
        "шара 25-26 қазан күндері өтеді",
        "25-26 қазан күндері",
        D,
        "XXXX-10-25..XXXX-10-26",
        "2024-10-25..2024-10-26",
    ),
    // A later day owned by the same month, up to which.
    (
        "көрме наурыздың 10-ынан 20-сына дейін",
        "наурыздың 10-ынан 20-сына дейін",
        D,
        "XXXX-03-10..XXXX-03-20",
        "2024-03-10..2024-03-20",
    ),
    // A day in the ablative before a later day of a month, up to which.
    (
        "Көрме 10-нан 20 мамырға дейін жалғасады",
        "10-нан 20 мамырға дейін",
        D,
        "XXXX-05-10..XXXX-05-20",
        "2024-05-10..2024-05-20",
    ),
    // Working days, given as days.
    (
        "10 жұмыс күні ішінде төленеді",
        "10 жұмыс күні ішінде",
        P,
        "P10D",
        "P10D",
    ),
    ("Жеті жұмыс күнінде", "Жеті жұмыс күнінде", P, "P7D", "P7D"),
    // `оны` owned by a month is its tenth day, not the pronoun.
    (
        "қаңтардың оны күні өткізген",
        "қаңтардың оны",
        D,
        "XXXX-01-10",
        "2024-01-10",
    ),
    // A year's first so many months, January to the last.
    (
        "2021 жылдың 9 айында өсті",
        "2021 жылдың 9 айында",
        D,
        "2021-01..2021-09",
        "2021-01..2021-09",
    ),
    (
        "биылғы сегіз айда",
        "биылғы сегіз айда",
        D,
        "XXXX-01..XXXX-08",
        "2024-01..2024-08",
    ),
    (
        "жылдың алғашқы алты айында",
        "жылдың алғашқы алты айында",
        D,
        "XXXX-01..XXXX-06",
        "2024-01..2024-06",
    ),
    // Counts of years: a length after `бірнеше` or before a comparative,
    // so many years back before `бұрын`.
    (
        "Бірнеше мың жыл өтті",
        "Бірнеше мың жыл",
        P,
        "P1000Y",
        "P1000Y",
    ),
    (
        "мың жылдан астам",
        "мың жылдан астам",
        P,
        "P1000Y",
        "P1000Y",
    ),
    ("2000 жыл бұрын", "2000 жыл бұрын", D, "XXXX", "0024"),
    // The middle of the night is midnight.
    (
        "түн ортасында келді",
        "түн ортасында",
        T,
        "T00:00",
        "2024-06-15T00:00",
    ),
    // Two weekdays in one token, with `күндері`.
    (
        "сенбі-жексенбі күндері жабық",
        "сенбі-жексенбі күндері",
        D,
        "XXXX-WXX-6..XXXX-WXX-7",
        "2024-06-15..2024-06-16",
    ),
    // Between two lengths joined by `мен`/`бен`/`пен`, the unit once;
    // bare `жас` is the age there.
    (
        "18 бен 30 жас аралығындағы жастар",
        "18 бен 30 жас аралығындағы",
        P,
        "P18Y..P30Y",
        "P18Y..P30Y",
    ),
    (
        "бес пен он жыл аралығында",
        "бес пен он жыл аралығында",
        P,
        "P5Y..P10Y",
        "P5Y..P10Y",
    ),
    // `тура`, `дәл` (exactly) are in the mention; the value is the
    // expression's.
    ("тура бір апта өтті", "тура бір апта", P, "P1W", "P1W"),
    (
        "тура 2 ай бұрын",
        "тура 2 ай бұрын",
        D,
        "XXXX-XX",
        "2024-04",
    ),
    (
        "жылдың маусымында",
        "жылдың маусымында",
        D,
        "XXXX-06",
        "2024-06",
    ),
    ("жазда демалады", "жазда", D, "XXXX-SU", "2024-SU"),
    ("жазғы демалыс", "жазғы", D, "XXXX-SU", "2024-SU"),
    (
        "өткен жылдың көктемінде",
        "өткен жылдың көктемінде",
        D,
        "XXXX-SP",
        "2023-SP",
    ),
    (
        "дүйсенбіде келеді",
        "дүйсенбіде",
        D,
        "XXXX-WXX-1",
        "2024-06-10",
    ),
    (
        "Өткен сенбіде сөйлесті",
        "Өткен сенбіде",
        D,
        "XXXX-WXX-6",
        "2024-06-08",
    ),
    // Ranges.
    (
        "2023-2027 жылдары",
        "2023-2027 жылдары",
        D,
        "2023..2027",
        "2023..2027",
    ),
    (
        "1-10 желтоқсан аралығында",
        "1-10 желтоқсан аралығында",
        D,
        "XXXX-12-01..XXXX-12-10",
        "2024-12-01..2024-12-10",
    ),
    (
        "2020 жылдан 2025 жылға дейін",
        "2020 жылдан 2025 жылға дейін",
        D,
        "2020..2025",
        "2020..2025",
    ),
    (
        "27-нші наурыз бен 4-інші сәуір аралығында",
        "27-нші наурыз бен 4-інші сәуір аралығында",
        D,
        "XXXX-03-27..XXXX-04-04",
        "2024-03-27..2024-04-04",
    ),
    (
        "қаңтар – наурыз айларында",
        "қаңтар – наурыз",
        D,
        "XXXX-01..XXXX-03",
        "2024-01..2024-03",
    ),
    // The same in one token, the second month inflected or not.
    (
        "қаңтар-маусым айларында",
        "қаңтар-маусым",
        D,
        "XXXX-01..XXXX-06",
        "2024-01..2024-06",
    ),
    (
        "ақпан–наурызда қар көп",
        "ақпан–наурызда",
        D,
        "XXXX-02..XXXX-03",
        "2024-02..2024-03",
    ),
    (
        "2023 жылдың қаңтар-наурызында",
        "2023 жылдың қаңтар-наурызында",
        D,
        "2023-01..2023-03",
        "2023-01..2023-03",
    ),
    // Relative to the document date.
    ("Биыл өсті.", "Биыл", D, "XXXX", "2024"),
    ("былтыр салынды", "былтыр", D, "XXXX", "2023"),
    (
        "биылғы жылдың тоғызыншы маусымына",
        "биылғы жылдың тоғызыншы маусымына",
        D,
        "XXXX-06-09",
        "2024-06-09",
    ),
    ("өткен жылы басталды", "өткен жылы", D, "XXXX", "2023"),
    // The current year or month of officialese: `ағымдағы` (current),
    // `үстіміздегі` (the one we are in).
    (
        "Ағымдағы жылдың 1 қаңтарынан",
        "Ағымдағы жылдың 1 қаңтарынан",
        D,
        "XXXX-01-01",
        "2024-01-01",
    ),
    (
        "Үстіміздегі жылдың 9 айында өсті",
        "Үстіміздегі жылдың 9 айында",
        D,
        "XXXX-01..XXXX-09",
        "2024-01..2024-09",
    ),
    (
        "үстіміздегі айда",
        "үстіміздегі айда",
        D,
        "XXXX-XX",
        "2024-06",
    ),
    ("келесі жылы аяқталады", "келесі жылы", D, "XXXX", "2025"),
    ("келер жылы", "келер жылы", D, "XXXX", "2025"),
    ("бүгін келді", "бүгін", D, "XXXX-XX-XX", "2024-06-15"),
    ("кеше келді", "кеше", D, "XXXX-XX-XX", "2024-06-14"),
    ("ертең келеді", "ертең", D, "XXXX-XX-XX", "2024-06-16"),
    (
        "бүрсігүні келеді",
        "бүрсігүні",
        D,
        "XXXX-XX-XX",
        "2024-06-17",
    ),
    (
        "бүгінге дейін",
        "бүгінге дейін",
        D,
        "XXXX-XX-XX",
        "2024-06-15",
    ),
    ("3 жыл бұрын", "3 жыл бұрын", D, "XXXX", "2021"),
    ("2 ай бұрын", "2 ай бұрын", D, "XXXX-XX", "2024-04"),
    // Half years back or on are counted in months.
    (
        "бір жарым жыл бұрын",
        "бір жарым жыл бұрын",
        D,
        "XXXX-XX",
        "2022-12",
    ),
    (
        "екі апта бұрын",
        "екі апта бұрын",
        D,
        "XXXX-WXX",
        "2024-W22",
    ),
    (
        "5 күннен кейін",
        "5 күннен кейін",
        D,
        "XXXX-XX-XX",
        "2024-06-20",
    ),
    // A length in two units, then back or on: counted in the smaller.
    (
        "2 жыл 3 ай бұрын болды",
        "2 жыл 3 ай бұрын",
        D,
        "XXXX-XX",
        "2022-03",
    ),
    (
        "екі апта үш күннен кейін",
        "екі апта үш күннен кейін",
        D,
        "XXXX-XX-XX",
        "2024-07-02",
    ),
    (
        "1 сағат 30 минут бұрын келді",
        "1 сағат 30 минут бұрын",
        T,
        "PAST_REF",
        "PAST_REF",
    ),
    (
        "үш сағат елу минуттан кейін",
        "үш сағат елу минуттан кейін",
        T,
        "FUTURE_REF",
        "FUTURE_REF",
    ),
    (
        "отыз – қырық жыл бұрын",
        "отыз – қырық жыл бұрын",
        D,
        "XXXX..XXXX",
        "1984..1994",
    ),
    ("өткен аптада", "өткен аптада", D, "XXXX-WXX", "2024-W23"),
    // A day of the week so placed, in the possessive.
    (
        "Келесі аптаның сейсенбісінде",
        "Келесі аптаның сейсенбісінде",
        D,
        "XXXX-WXX-2",
        "2024-06-18",
    ),
    (
        "өткен аптаның жұмасында",
        "өткен аптаның жұмасында",
        D,
        "XXXX-WXX-5",
        "2024-06-07",
    ),
    ("осы айда", "осы айда", D, "XXXX-XX", "2024-06"),
    ("өткен айда", "өткен айда", D, "XXXX-XX", "2024-05"),
    ("осы қаңтарда", "осы қаңтарда", D, "XXXX-01", "2024-01"),
    ("Бүгінде көп.", "Бүгінде", D, "PRESENT_REF", "PRESENT_REF"),
    (
        "бүгінгі таңда",
        "бүгінгі таңда",
        D,
        "PRESENT_REF",
        "PRESENT_REF",
    ),
    (
        "бүгінгі таңдағы саясат",
        "бүгінгі таңдағы",
        D,
        "PRESENT_REF",
        "PRESENT_REF",
    ),
    ("соңғы жылдары", "соңғы жылдары", D, "PAST_REF", "PAST_REF"),
    // Times of day.
    (
        "сағат 14:30-да басталады",
        "14:30-да",
        T,
        "T14:30",
        "2024-06-15T14:30",
    ),
    (
        "18:00-де аяқталады",
        "18:00-де",
        T,
        "T18:00",
        "2024-06-15T18:00",
    ),
    (
        "18 : 00-де аяқталады",
        "18 : 00-де",
        T,
        "T18:00",
        "2024-06-15T18:00",
    ),
    (
        "таңғы сағат 8-де",
        "таңғы сағат 8-де",
        T,
        "T08:00",
        "2024-06-15T08:00",
    ),
    (
        "кешкі сағат 8-де",
        "кешкі сағат 8-де",
        T,
        "T20:00",
        "2024-06-15T20:00",
    ),
    (
        "сағат он сегіз нөл-нөлде",
        "он сегіз нөл-нөлде",
        T,
        "T18:00",
        "2024-06-15T18:00",
    ),
    (
        "сағат жиырма бір отызда",
        "жиырма бір отызда",
        T,
        "T21:30",
        "2024-06-15T21:30",
    ),
    // After `сағат` or a part of the day the case forms of `бір` are the
    // hour one, not adverbs.
    (
        "сағат бірде келді",
        "бірде",
        T,
        "T01:00",
        "2024-06-15T01:00",
    ),
    (
        "сағат түскі бірге дейін",
        "түскі бірге дейін",
        T,
        "T13:00",
        "2024-06-15T13:00",
    ),
    // The case forms of `бір` are the unit after a ten, not adverbs.
    (
        "сағат он бірге дейін",
        "он бірге дейін",
        T,
        "T11:00",
        "2024-06-15T11:00",
    ),
    (
        "сағат алты жарымда",
        "алты жарымда",
        T,
        "T06:30",
        "2024-06-15T06:30",
    ),
    (
        "16:00-ден 18:00-ге дейін",
        "16:00-ден 18:00-ге дейін",
        T,
        "T16:00..T18:00",
        "2024-06-15T16:00..2024-06-15T18:00",
    ),
    (
        "таңғы тоғыздан кешкі сегізге дейін",
        "таңғы тоғыздан кешкі сегізге дейін",
        T,
        "T09:00..T20:00",
        "2024-06-15T09:00..2024-06-15T20:00",
    ),
    ("таңертең келді", "таңертең", T, "TMO", "2024-06-15TMO"),
    ("түнде жауды", "түнде", T, "TNI", "2024-06-15TNI"),
    ("кешке жиналды", "кешке", T, "TEV", "2024-06-15TEV"),
    // Durations.
    ("Келісім 3 жылға жасалды.", "3 жылға", P, "P3Y", "P3Y"),
    ("10 айға созылды", "10 айға", P, "P10M", "P10M"),
    ("жарты сағат күтті", "жарты сағат", P, "PT30M", "PT30M"),
    ("екі апта", "екі апта", P, "P2W", "P2W"),
    ("бір жарым жыл", "бір жарым жыл", P, "P1.5Y", "P1.5Y"),
    ("12 минут", "12 минут", P, "PT12M", "PT12M"),
    ("5 – 6 сағат", "5 – 6 сағат", P, "PT5H..PT6H", "PT5H..PT6H"),
    // A length in a unit and the next smaller, counted in the smaller.
    (
        "үш сағат елу минут",
        "үш сағат елу минут",
        P,
        "PT230M",
        "PT230M",
    ),
    (
        "3 жыл 9 айдың ішінде",
        "3 жыл 9 айдың ішінде",
        P,
        "P45M",
        "P45M",
    ),
    // Two clock times in digits joined by a dash.
    (
        "үзіліс 13:00–14:00 аралығында",
        "13:00–14:00 аралығында",
        T,
        "T13:00..T14:00",
        "2024-06-15T13:00..2024-06-15T14:00",
    ),
    // A part of the day as an adverb sets the clock's half before
    // `сағат` (alone before a number it may be a count's neighbour).
    (
        "кешкісін сағат 10-да келді",
        "кешкісін сағат 10-да",
        T,
        "T22:00",
        "2024-06-15T22:00",
    ),
    (
        "күндізгі сағат 3-те",
        "күндізгі сағат 3-те",
        T,
        "T15:00",
        "2024-06-15T15:00",
    ),
    // The same with periods, where a time is expected: both ends of a
    // range, or after `сағат`.
    (
        "үзіліс 13.00–14.00 аралығында",
        "13.00–14.00 аралығында",
        T,
        "T13:00..T14:00",
        "2024-06-15T13:00..2024-06-15T14:00",
    ),
    (
        "жиын сағат 10.30-да басталады",
        "10.30-да",
        T,
        "T10:30",
        "2024-06-15T10:30",
    ),
    ("екі-үш жылда", "екі-үш жылда", P, "P2Y..P3Y", "P2Y..P3Y"),
    ("бірнеше жыл", "бірнеше жыл", P, "PXY", "PXY"),
    ("тәулік бойы", "тәулік бойы", P, "P1D", "P1D"),
    (
        "3 жастан 6 жасқа дейін",
        "3 жастан 6 жасқа дейін",
        P,
        "P3Y..P6Y",
        "P3Y..P6Y",
    ),
    ("соңғы он жылда", "соңғы он жылда", P, "P10Y", "P10Y"),
    // Sets.
    ("Жыл сайын өтеді.", "Жыл сайын", S, "P1Y", "P1Y"),
    ("ай сайын", "ай сайын", S, "P1M", "P1M"),
    ("күнделікті", "күнделікті", S, "P1D", "P1D"),
    ("сағат сайын", "сағат сайын", S, "PT1H", "PT1H"),
    ("жылдан-жылға өсуде", "жылдан-жылға", S, "P1Y", "P1Y"),
];

#[test]
fn every_form_with_its_value_unanchored_and_anchored() {
    for &(input, text, kind, bare, anchored) in FORMS {
        let m = one(input);
        assert_eq!((m.text(), m.kind()), (text, kind), "{input:?}");
        assert_eq!(&input[m.span().range()], text, "{input:?}");
        assert_eq!(m.value().to_string(), bare, "{input:?} unanchored");
        assert_eq!(
            m.anchored(anchor()).value().to_string(),
            anchored,
            "{input:?} anchored"
        );
        let t = timex(&m.anchored(anchor()));
        assert!(!t.value().is_relative(), "{input:?}");
    }
}

#[test]
fn relative_values_say_how_far_and_never_guess_a_date() {
    for (input, offset) in [
        ("биыл", "P0Y"),
        ("былтыр", "-P1Y"),
        ("келесі жылы", "P1Y"),
        ("кеше", "-P1D"),
        ("бүрсігүні", "P2D"),
        ("3 жыл бұрын", "-P3Y"),
        ("өткен аптада", "-P1W"),
        ("осы айда", "P0M"),
    ] {
        let t = timex(&one(input));
        assert!(t.value().is_relative(), "{input}");
        assert_eq!(
            t.value().offset().map(|o| o.to_string()).as_deref(),
            Some(offset),
            "{input}"
        );
        assert!(t.value().to_string().contains('X'), "{input}");
    }
    // Named but unplaced: the anchor's year, without an offset.
    let t = timex(&one("мамырда"));
    assert!(t.value().is_relative());
    assert_eq!(t.value().offset(), None);
    assert_eq!(t.value().nearest(), None);
}

#[test]
fn the_last_or_next_named_month_is_the_nearest_whatever_the_anchor() {
    for (input, nearest) in [
        ("өткен ақпанда", Nearest::Before),
        ("Өткен көктемде", Nearest::Before),
        ("келесі қыркүйекте", Nearest::After),
        ("алдағы наурызда", Nearest::After),
    ] {
        let t = timex(&one(input));
        assert!(t.value().is_relative(), "{input}");
        assert_eq!(t.value().offset(), None, "{input}");
        assert_eq!(t.value().nearest(), Some(nearest), "{input}");
    }
    // In every month of a year, the last February is the latest one
    // before that month, the next September the first one after it.
    let before = one("өткен ақпанда");
    let after = one("келесі қыркүйекте");
    for month in 1..=12u32 {
        let date: Date = format!("2024-{month:02}-15").parse().expect("a date");
        let last = if month > 2 { "2024-02" } else { "2023-02" };
        let next = if month < 9 { "2024-09" } else { "2025-09" };
        assert_eq!(before.anchored(date).value().to_string(), last, "{month}");
        assert_eq!(after.anchored(date).value().to_string(), next, "{month}");
    }
}

#[test]
fn modifiers_and_bounds() {
    for (input, modifier, bound) in [
        (
            "жыл басынан бері",
            Some(Modifier::Start),
            Some(Bound::Since),
        ),
        ("Жыл соңына дейін", Some(Modifier::End), Some(Bound::Until)),
        ("өткен айдың ортасында", Some(Modifier::Mid), None),
        ("2020 жылдан бастап", None, Some(Bound::Since)),
        ("2030 жылға дейін", None, Some(Bound::Until)),
        ("2 жылдан астам", Some(Modifier::MoreThan), None),
        ("екі минутқа дейін", Some(Modifier::AtMost), None),
        ("шамамен екі жыл", Some(Modifier::Approx), None),
        ("кемінде бес жыл", Some(Modifier::AtLeast), None),
        ("кем дегенде үш жыл", Some(Modifier::AtLeast), None),
        ("кемі бес жыл", Some(Modifier::AtLeast), None),
        // The qualifier between the number and its unit.
        ("он шақты жыл бойы", Some(Modifier::Approx), None),
        ("отызға жуық жыл", Some(Modifier::Approx), None),
        ("30-ға тарта жылды", Some(Modifier::Approx), None),
        ("бір айдай", Some(Modifier::Approx), None),
        ("бес жылдан бері", None, Some(Bound::Since)),
        // A part of a century after its genitive; its halves as its
        // start and end.
        ("XIX ғасырдың басында", Some(Modifier::Start), None),
        ("VII ғасырдың ортасына", Some(Modifier::Mid), None),
        ("ХХ ғасырдың екінші жартысында", Some(Modifier::End), None),
        (
            "XX ғасырдың алғашқы жартысында",
            Some(Modifier::Start),
            None,
        ),
        ("14 ғасырдың 1-жартысында", Some(Modifier::Start), None),
        // The halves of a decade and of a month after its genitive, as
        // the century's.
        ("80-жылдардың екінші жартысында", Some(Modifier::End), None),
        (
            "Қыркүйектің бірінші жартысында",
            Some(Modifier::Start),
            None,
        ),
        ("мамыр айының соңғы жартысында", Some(Modifier::End), None),
        // A part of a month or a season after its genitive.
        ("сәуір айының ортасында", Some(Modifier::Mid), None),
        ("желтоқсанның соңы", Some(Modifier::End), None),
        (
            "қаңтардың басынан бері",
            Some(Modifier::Start),
            Some(Bound::Since),
        ),
        (
            "жаздың соңына дейін",
            Some(Modifier::End),
            Some(Bound::Until),
        ),
        ("көктемнің басында", Some(Modifier::Start), None),
        ("Наурыздың соңында", Some(Modifier::End), None),
        (
            "қазанның ортасына дейін",
            Some(Modifier::Mid),
            Some(Bound::Until),
        ),
        // A part of a decade after its genitive.
        ("90-ыншы жылдардың басында", Some(Modifier::Start), None),
        ("1980 жылдардың ортасына", Some(Modifier::Mid), None),
        (
            "тоқсаныншы жылдардың басынан бері",
            Some(Modifier::Start),
            Some(Bound::Since),
        ),
        // Digits whose hyphen stands for the ordinal suffix.
        ("14 ғасырдың 1-жартысында", Some(Modifier::Start), None),
        ("XVI ғасырдың 2-жартысында", Some(Modifier::End), None),
        (
            "17 ғасырдың аяғына дейін",
            Some(Modifier::End),
            Some(Bound::Until),
        ),
        // A part of the current week or month.
        ("аптаның басында", Some(Modifier::Start), None),
        ("айдың ортасында", Some(Modifier::Mid), None),
        ("ай соңына дейін", Some(Modifier::End), Some(Bound::Until)),
        ("бірнеше жүз жыл", Some(Modifier::MoreThan), None),
        // A verb that begins like a part of the year is not one.
        ("1913 жылы басылған", None, None),
    ] {
        let t = timex(&one(input));
        assert_eq!((t.modifier(), t.bound()), (modifier, bound), "{input}");
    }
}

#[test]
fn labels_follow_kaznerd() {
    for (input, label) in [
        ("3 жылға", "DATE"),
        ("жыл сайын", "DATE"),
        ("бір сағат", "TIME"),
        ("жарты сағатта", "TIME"),
        ("сағат 14:30-да", "TIME"),
        ("таңертең", "TIME"),
        ("бүгін", "DATE"),
    ] {
        assert_eq!(one(input).label(), label, "{input}");
    }
}

#[test]
fn words_that_only_look_temporal() {
    for text in [
        "Ол хат жазды.",
        "Қысым көтерілді.",
        "Қазан қаласында өтті.",
        "Жылу қазандықтарына жөндеу жүргізіледі.",
        "Егіс маусымы басталды.",
        // The bare `жыл` before a month heads a compound (the season of
        // the year); the year's month is `жылдың маусымы`.
        "Мал жаюға жыл маусымына сәйкес пайдаланады.",
        "Наурыз мерекесі өтті.",
        "Көрме кешені ашылды.",
        "Бұл қысқа мерзім.",
        "Біз жұма намазына бардық.",
        "Бірінші орын алды.",
        "Жас мамандар келді.",
        "Жылдың бастамасына қолдау көрсетті.",
        "Олар таң қалды.",
        "Кеш қалдық.",
        "Жиырма тоғыз түс.",
        // A decimal with a period is no time alone.
        "Ол 3.14 санын айтты.",
        // A month joined to a word that is no month, and a month twice.
        "Қазан-Мәскеу пойызы жүрді.",
        "Қаңтар-қаңтар айлары.",
        // `оны` alone is the pronoun.
        "Оны көрдім.",
        // A half owned by another thing than a year is its half.
        "Матчтың екінші жартысында гол соқты.",
        "МАТЧТЫҢ ЕКІНШІ ЖАРТЫСЫНДА.",
        "Кездесудің бірінші жартысы тең өтті.",
        // `түс` after a colour is a colour.
        "Осы сары түске бояды.",
        "Қызыл түсте жазылған.",
        // `жұмыс` after a number before no unit of time.
        "3 жұмыс орны ашылды.",
        // `ендігі` (next) before a word that is not of time.
        "Ендігі кезекте жол салынады.",
        // The season's end and the city's middle.
        "Маусымның соңында чемпион анықталады.",
        "Біз Қазанның ортасында тұрдық.",
    ] {
        let found = temporal(text);
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
    // An amount of the monthly index, not a duration.
    let found = extract("200 айлық есептік көрсеткіш");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind(), NumberKind::Quantity);
}

#[test]
fn numbers_inside_a_date_are_not_reported_again() {
    let text = "Оқиға 15.03.2024 күні, 2024 жылғы 12 мамырда және сағат 14:30-да болды.";
    let found = extract(text);
    let kinds: Vec<_> = found.iter().map(|m| m.kind()).collect();
    assert_eq!(kinds, [D, D, T], "{found:?}");
    for pair in found.windows(2) {
        assert!(pair[0].span().end <= pair[1].span().start);
    }
}

#[test]
fn the_pipeline_anchors_with_its_date_or_the_documents() {
    let text = "Былтыр 12 мамырда, өткен аптада.";
    let values = |doc: &kazakh::Document| -> Vec<String> {
        doc.numbers().iter().map(|n| n.value.to_string()).collect()
    };
    let mut p = kazakh::Pipeline::new();
    let unanchored = values(&p.analyze(text));
    assert!(unanchored.iter().all(|v| v.contains('X')), "{unanchored:?}");
    p.date(Some(anchor()));
    let anchored = values(&p.analyze(text));
    assert!(anchored.iter().all(|v| !v.contains('X')), "{anchored:?}");
    assert!(anchored.contains(&"2023".to_string()), "{anchored:?}");
    // A document's own date: relative values resolve once; resolved ones
    // stay.
    let mut doc = kazakh::Pipeline::new().analyze(text);
    doc.anchor(anchor());
    assert_eq!(values(&doc), anchored);
    doc.anchor("2000-01-01".parse().expect("a date"));
    assert_eq!(values(&doc), anchored);
}

/// After a bare `биыл` (this year) the year's part is a mention of its own,
/// as KazNERD spans it: its value is this year's either way.
#[test]
fn after_a_bare_this_year_the_years_part_stands_alone() {
    let found = temporal("биыл жыл соңына дейін");
    let texts: Vec<&str> = found.iter().map(|m| m.text()).collect();
    assert_eq!(texts, ["биыл", "жыл соңына дейін"]);
    for m in &found {
        assert_eq!(m.value().to_string(), "XXXX", "{}", m.text());
    }
}

/// An adverb of a part of the day before a bare count is the part of the
/// day alone, not a clock time (`кешке 5 адам келді`: in the evening, five
/// people came).
#[test]
fn an_adverb_of_the_day_before_a_count_is_no_clock_time() {
    let found = temporal("Кешке 5 адам келді.");
    let texts: Vec<&str> = found.iter().map(|m| m.text()).collect();
    assert_eq!(texts, ["Кешке"]);
    assert_eq!(found[0].value().to_string(), "TEV");
}
