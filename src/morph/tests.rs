//! Table-driven tests of the analyzer.

use std::borrow::Cow;

use proptest::prelude::*;

use super::*;

const P3: Morpheme = Morpheme::Possessive {
    person: Person::Third,
    number: Number::Singular,
};

fn best(word: &str) -> Analysis<'_> {
    analyze(word)
        .into_iter()
        .next()
        .expect("at least one analysis")
}

/// (word, lemma, case) for every case, back and front stems, vowel and
/// consonant finals.
const CASES: &[(&str, &str, Case)] = &[
    // back vowel, consonant final
    ("жолдың", "жол", Case::Genitive),
    ("жолға", "жол", Case::Dative),
    ("жолды", "жол", Case::Accusative),
    ("жолда", "жол", Case::Locative),
    ("жолдан", "жол", Case::Ablative),
    ("жолмен", "жол", Case::Instrumental),
    // front vowel, consonant final
    ("мектептің", "мектеп", Case::Genitive),
    ("мектепке", "мектеп", Case::Dative),
    ("мектепті", "мектеп", Case::Accusative),
    ("мектепте", "мектеп", Case::Locative),
    ("мектептен", "мектеп", Case::Ablative),
    ("мектеппен", "мектеп", Case::Instrumental),
    // back vowel, vowel final
    ("баланың", "бала", Case::Genitive),
    ("балаға", "бала", Case::Dative),
    ("баланы", "бала", Case::Accusative),
    ("балада", "бала", Case::Locative),
    ("баладан", "бала", Case::Ablative),
    ("баламен", "бала", Case::Instrumental),
    // front vowel, vowel final
    ("жүйенің", "жүйе", Case::Genitive),
    ("жүйеге", "жүйе", Case::Dative),
    ("жүйені", "жүйе", Case::Accusative),
    ("жүйеде", "жүйе", Case::Locative),
    ("жүйеден", "жүйе", Case::Ablative),
    ("жүйемен", "жүйе", Case::Instrumental),
    // nasal final: -нан, -ның
    ("адамның", "адам", Case::Genitive),
    ("адамнан", "адам", Case::Ablative),
    // sibilant final: -бен
    ("қазбен", "қаз", Case::Instrumental),
    // attributive locative
    ("өңірдегі", "өңір", Case::Locative),
    ("уақыттағы", "уақыт", Case::Locative),
];

#[test]
fn cases() {
    for &(word, lemma, case) in CASES {
        let a = best(word);
        assert_eq!(a.lemma, lemma, "{word}: {a:?}");
        assert_eq!(a.case(), case, "{word}: {a:?}");
        assert_eq!(split_case(word).1, case, "{word}");
    }
}

/// (word, lemma, possessive person and number, case)
#[rustfmt::skip]
const POSSESSIVES: &[(&str, &str, Person, Number, Case)] = &[
    ("облысы", "облыс", Person::Third, Number::Singular, Case::Nominative),
    ("облысының", "облыс", Person::Third, Number::Singular, Case::Genitive),
    ("облысына", "облыс", Person::Third, Number::Singular, Case::Dative),
    ("облысын", "облыс", Person::Third, Number::Singular, Case::Accusative),
    ("облысында", "облыс", Person::Third, Number::Singular, Case::Locative),
    ("облысынан", "облыс", Person::Third, Number::Singular, Case::Ablative),
    ("облысымен", "облыс", Person::Third, Number::Singular, Case::Instrumental),
    ("жүйесінің", "жүйе", Person::Third, Number::Singular, Case::Genitive),
    ("жүйесіне", "жүйе", Person::Third, Number::Singular, Case::Dative),
    ("еліміздің", "ел", Person::First, Number::Plural, Case::Genitive),
    ("елімізге", "ел", Person::First, Number::Plural, Case::Dative),
    ("тарихымыз", "тарих", Person::First, Number::Plural, Case::Nominative),
    ("еліңіз", "ел", Person::SecondPolite, Number::Singular, Case::Nominative),
];

#[test]
fn possessives() {
    for &(word, lemma, person, number, case) in POSSESSIVES {
        let a = best(word);
        assert_eq!(a.lemma, lemma, "{word}: {a:?}");
        assert_eq!(a.case(), case, "{word}: {a:?}");
        assert!(
            a.suffixes
                .iter()
                .any(|s| s.morpheme == Morpheme::Possessive { person, number }),
            "{word}: {a:?}"
        );
    }
}

#[test]
fn plural_and_possessive_chain() {
    let a = best("мәселелерін");
    assert_eq!(a.lemma, "мәселе");
    let meanings: Vec<Morpheme> = a.suffixes.iter().map(|s| s.morpheme).collect();
    assert_eq!(
        meanings,
        [Morpheme::Plural, P3, Morpheme::Case(Case::Accusative)]
    );
    assert_eq!(lemma("балаларға"), "бала");
    assert_eq!(lemma("жастармен"), "жас");
}

#[test]
fn stem_alternations() {
    for (word, expected) in [
        ("кітабы", "кітап"),
        ("жүрегі", "жүрек"),
        ("тарағы", "тарақ"),
        ("орны", "орын"),
        ("халқының", "халық"),
        ("орталығында", "орталық"),
        ("бірлігі", "бірлік"),
    ] {
        assert_eq!(lemma(word), expected, "{word}");
    }
}

#[test]
fn names_and_proper_nouns() {
    for (word, expected) in [
        ("Қазақстанның", "Қазақстан"),
        ("Астанада", "Астана"),
        ("Медведевтің", "Медведев"),
        ("Еуровидениенің", "Еуровидение"),
        ("Семейде", "Семей"),
        ("Тоқаевқа", "Тоқаев"),
        ("Алматыда", "Алматы"),
        ("Рио-де-Жанейродағы", "Рио-де-Жанейро"),
    ] {
        assert_eq!(lemma(word), expected, "{word}");
    }
    // Common nouns lose their capital.
    assert_eq!(lemma("Мектепте"), "мектеп");
}

#[test]
fn digits_and_abbreviations() {
    for (word, expected) in [
        ("215-інің", "215"),
        ("55-ші", "55"),
        ("15%-ға", "15%"),
        ("%-ға", "%"),
        ("ҚР-ның", "ҚР"),
        ("АҚШ-пен", "АҚШ"),
        ("ФИФА-ның", "ФИФА"),
        ("2024", "2024"),
        ("3,2", "3,2"),
    ] {
        assert_eq!(lemma(word), expected, "{word}");
    }
    assert_eq!(split_case("215-інің"), (3, Case::Genitive));
    assert_eq!(split_case("%-ға"), (1, Case::Dative));
    let a = best("ҚР-ның");
    assert_eq!(a.stem, "ҚР");
    assert_eq!(a.case(), Case::Genitive);
}

#[test]
fn verbs() {
    for (word, expected) in [
        ("болады", "бол"),
        ("болды", "бол"),
        ("жоспарланып", "жоспарла"),
        ("қолдайды", "қолда"),
        ("айтты", "айт"),
        ("келген", "кел"),
        ("келген жоқ", "кел"),
        ("табуға", "тап"),
        ("береді", "бер"),
    ] {
        assert_eq!(lemma(word), expected, "{word}");
    }
    assert_eq!(best("болады").pos, Pos::Verb);
}

#[test]
fn closed_classes() {
    for (word, expected) in [
        ("оның", "ол"),
        ("маған", "мен"),
        ("Біздің", "біз"),
        ("мұнда", "бұл"),
        ("де", "да"),
        ("үшін", "үшін"),
        ("емес", "е"),
        ("бесінші", "бес"),
        ("Бірінші", "бір"),
    ] {
        assert_eq!(lemma(word), expected, "{word}");
    }
}

#[test]
fn unknown_and_foreign_words_stay_whole() {
    for word in ["Wikipedia", "COVID", "ыы", "хм", "", "—", "😀", "Ӏ"] {
        assert_eq!(lemma(word), word, "{word:?}");
    }
    assert_eq!(analyze("Wikipedia")[0].suffixes, []);
}

#[test]
fn borrowed_when_possible() {
    for word in [
        "өңір",
        "өңірдегі",
        "Қазақстанның",
        "болады",
        "215-інің",
        "ҚР-ның",
    ] {
        assert!(matches!(lemma(word), Cow::Borrowed(_)), "{word}");
        // Twice: the memo gives the same answer.
        assert!(matches!(lemma(word), Cow::Borrowed(_)), "{word}");
    }
    assert_eq!(lemma("кітабы"), lemma("кітабы"));
}

#[test]
fn analyses_spell_the_word() {
    for word in [
        "облысының",
        "мәселелерін",
        "кітабы",
        "болады",
        "Астанаға",
        "келмейді",
    ] {
        for a in analyze(word) {
            let mut spelled = a.stem.to_owned();
            for s in &a.suffixes {
                spelled.push_str(s.text);
            }
            assert_eq!(spelled, word, "{a:?}");
            assert!((0.0..=1.0).contains(&a.confidence), "{a:?}");
        }
    }
}

#[test]
fn lexicon_is_loaded() {
    assert!(lexicon_size() > 40_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_panic_and_prefix_stems(word in "\\PC{0,24}") {
        let _ = lemma(&word);
        let (end, _) = split_case(&word);
        prop_assert!(word.is_char_boundary(end));
        for a in analyze(&word) {
            prop_assert!(word.starts_with(a.stem));
            let _ = a.case();
        }
    }

    #[test]
    fn no_panic_on_kazakh_letters(word in "[а-яәғқңөұүһіА-ЯӘҒҚҢӨҰҮҺІ0-9%\\- ]{0,30}") {
        let l = lemma(&word);
        prop_assert!(l.len() <= word.len() + 8);
        let (end, _) = split_case(&word);
        prop_assert!(word.is_char_boundary(end));
        for a in analyze(&word) {
            prop_assert!(word.starts_with(a.stem));
            let mut spelled = a.stem.to_owned();
            for s in &a.suffixes {
                spelled.push_str(s.text);
            }
            prop_assert!(word.starts_with(&spelled));
        }
    }
}

#[test]
fn case_endings_cover_the_forms_names_take() {
    let endings = &*super::CASE_ENDINGS;
    for e in [
        "ның",
        "нің",
        "дың",
        "тың",
        "ға",
        "ге",
        "қа",
        "ке",
        "на",
        "не",
        "ны",
        "ды",
        "ты",
        "н",
        "да",
        "де",
        "та",
        "нда",
        "дан",
        "нан",
        "тан",
        "нен",
        "мен",
        "бен",
        "пен",
        "дағы",
        "ндағы",
    ] {
        assert!(endings.contains(&e), "{e}");
    }
    assert!(!endings.contains(&"лар"), "plural is not a case");
    assert!(endings.windows(2).all(|w| w[0].len() >= w[1].len()));
}

#[test]
fn one_analysis_gives_the_split_and_the_lemma() {
    // Nouns in every case, possessives, plurals, verbs, names, closed and
    // irregular words, numbers, abbreviations, Latin, hyphens, odd input.
    let words = [
        "кітаптарымыздан",
        "облысының",
        "партиясынан",
        "Семейде",
        "Тоқаевқа",
        "Ақтөбе",
        "мектепке",
        "үйлерде",
        "барды",
        "келеді",
        "жазылған",
        "бірақ",
        "Бірақ",
        "мен",
        "оның",
        "біздің",
        "АҚШ-тың",
        "ҚР",
        "2026",
        "15%-ға",
        "Astana",
        "Kaspi-дің",
        "министрлігі",
        "әкімдігімен",
        "қала",
        "қалалық",
        "Алматыда",
        "",
        "-",
        "«",
        "ұзынсөзұзынсөзұзынсөзұзынсөзұзынсөз",
        "алтыншы",
        "бесінші",
        "Қазақстанның",
        "елордадағы",
    ];
    for w in words {
        let (split, lemma) = super::split_and_lemma(w);
        assert_eq!(split, split_case(w), "{w}");
        assert_eq!(lemma, super::lemma(w), "{w}");
    }
}
