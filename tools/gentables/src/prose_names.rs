//! Name lists learned from unlabelled prose by patterns a linguist would
//! state, for the entity tagger's gazetteer flags.
//!
//! Source (read from `../shared/data`, never copied): KazQAD's Kazakh
//! Wikipedia passages (`kazqad/contexts.txt` and the `context` fields of
//! the validation jsonl, each distinct passage once; CC BY-SA 4.0, ISSAI).
//! KazNERD is not read (its sentences are the tagger's training and test
//! data: a list built from them would leak the held-out folds), nor UD
//! Kazakh or the Apertium texts (their terms forbid shipping what is
//! derived from them).
//!
//! A passage is split into words (letters and digits with inner hyphens)
//! and single marks; a word opens a sentence at the passage's start and
//! after `.`, `!`, `?` or `…`. Each lowered word is counted capitalised
//! inside a sentence, in lower case, and at a sentence's start; a word is
//! *proper* when it is written in lower case at most half as often as
//! capitalised inside a sentence. The patterns:
//!
//! * **Places.** A capitalised proper word directly before the
//!   possessive form of a kind of place (`place_types.txt`: `аулы`,
//!   `ауданы`, `өзені`, `тауы` …), with or without a case ending after it
//!   (`Ботақара кентінде`): the word, which the izafet leaves in the
//!   nominative, unless it is in the genitive (`Қазақстанның аумағы`). `республикасы`, `елі` and `елдері` are left out: the
//!   words before them are mostly adjectives (`Социалистік Республикасы`,
//!   `Араб елдері`).
//! * **First names.** A capitalised proper word directly before a
//!   capitalised word that ends, before an optional case ending, in a
//!   surname or patronymic ending (`-ов`, `-ева`, `-ин`, `-ұлы`, `-қызы`
//!   …) after a root of three letters (`Ахмет Байтұрсынұлы`, `Мұхтар
//!   Әуезовтің`): the first word, unless it ends in such an ending itself
//!   (`Анна Ивановна Петрова`) or opens its sentence.
//! * **Organizations.** The words between `«` and `»` (at most three, the
//!   first capitalised), when an organization head (`org_heads.txt`)
//!   follows within three lower-case words (`«Ақ жол» партиясы`,
//!   `«Балқашмыс» мыс комбинаты`): the quoted name, lowered. A bare
//!   capitalised word before a head is not taken: in the encyclopedia it
//!   is mostly a place (`Колумбия университеті`, `Кеңес Одағы`).
//!
//! An entry needs [`MIN_COUNT`] matches and at least three letters. Each
//! list is written lowered and sorted, with a header naming the source.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// Path of the learned places.
pub const PLACES: &str = "src/ner/gazetteer/prose_places.txt";
/// Path of the learned first names.
pub const PERSONS: &str = "src/ner/gazetteer/prose_first_names.txt";
/// Path of the learned organizations.
pub const ORGS: &str = "src/ner/gazetteer/prose_organizations.txt";

/// Path of the learned proper nouns.
pub const PROPER: &str = "src/ner/gazetteer/prose_proper.txt";

/// Fewest capitalised uses inside a sentence for a proper noun.
pub const MIN_PROPER: u32 = 2;

/// Fewest matches of a pattern for an entry.
pub const MIN_COUNT: u32 = 1;

/// Endings after a possessive noun: nothing, or a case ending (`ауданы`,
/// `ауданының`, `кентінде`, `өзенімен`).
const POSSESSIVE_CASE: &[&str] = &[
    "",
    "н",
    "ның",
    "нің",
    "на",
    "не",
    "нда",
    "нде",
    "нан",
    "нен",
    "мен",
    "ндағы",
    "ндегі",
];

/// Case endings after a surname (`Әуезовтің`, `Байтұрсынұлына`).
const SURNAME_CASE: &[&str] = &[
    "", "тың", "тің", "ның", "нің", "қа", "ке", "ға", "ге", "на", "не", "ты", "ті", "ны", "ні",
    "та", "те", "да", "де", "нда", "нде", "тан", "тен", "дан", "ден", "нан", "нен", "пен", "бен",
    "мен",
];

/// Surname and patronymic endings that mark the second word of a name.
const SURNAME_ENDINGS: &[&str] = &[
    "ов", "ова", "ев", "ева", "ёв", "ёва", "ин", "ина", "ұлы", "қызы", "улы", "кызы",
];

/// Endings that keep a word from being a first name: it is a surname or
/// a patronymic itself.
const NOT_FIRST: &[&str] = &[
    "ов", "ова", "ев", "ева", "ұлы", "қызы", "ович", "евич", "овна", "евна", "ична", "ский", "ская",
];

/// Genitive endings: a word in the genitive before `аумағы`, `өңірі` is
/// the owner, not the name (`Қазақстанның аумағы`).
const GENITIVE: &[&str] = &["ның", "нің", "тың", "тің", "дың", "дің"];

/// Kinds of places whose preceding word is mostly an adjective.
const PLACE_TYPES_LEFT_OUT: &[&str] = &["республикасы", "елі", "елдері"];

/// A token of a passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Whether it is a word (letters or digits) rather than a mark.
    pub word: bool,
    /// Whether it opens a sentence.
    pub first: bool,
}

/// Pushes word `s` without trailing hyphens, if anything is left.
fn push_word<'a>(out: &mut Vec<Token<'a>>, s: &'a str, first: &mut bool) {
    let w = s.trim_end_matches('-');
    if !w.is_empty() {
        out.push(Token {
            text: w,
            word: true,
            first: *first,
        });
        *first = false;
    }
}

/// Splits a passage into words (letters and digits with inner hyphens)
/// and single marks, and marks the words that open a sentence.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut first = true;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (c == '-' && start.is_some()) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push_word(&mut out, &text[s..i], &mut first);
            // A hyphen trimmed off the word's end is dropped.
        }
        if !c.is_whitespace() {
            out.push(Token {
                text: &text[i..i + c.len_utf8()],
                word: false,
                first: false,
            });
            if matches!(c, '.' | '!' | '?' | '…') {
                first = true;
            }
        }
    }
    if let Some(s) = start {
        push_word(&mut out, &text[s..], &mut first);
    }
    out
}

/// Whether a word starts with a capital letter.
fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is letters with inner hyphens, at least three letters.
fn name_like(w: &str) -> bool {
    w.split('-')
        .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic))
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// The lowered forms of a gazetteer file's entries.
fn list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

/// Whether lowered `w` is one of `nouns` followed by one of `endings`.
fn noun_with_ending(w: &str, nouns: &[String], endings: &[&str]) -> bool {
    endings.iter().any(|e| {
        w.strip_suffix(e)
            .is_some_and(|stem| nouns.iter().any(|n| n == stem))
    })
}

/// Whether lowered `w` ends, before one of [`SURNAME_CASE`], in a surname
/// ending after a root of at least three letters.
fn surname(w: &str) -> bool {
    SURNAME_CASE.iter().any(|c| {
        w.strip_suffix(c).is_some_and(|s| {
            SURNAME_ENDINGS.iter().any(|e| {
                s.strip_suffix(e)
                    .is_some_and(|root| root.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            })
        })
    })
}

/// The nouns the patterns look for.
pub struct Heads {
    /// Possessive kinds of places (`ауданы`).
    pub places: Vec<String>,
    /// Organization heads (`партиясы`, `АҚ`), lowered.
    pub orgs: Vec<String>,
    /// Person titles, lowered (never first names).
    pub titles: Vec<String>,
}

impl Heads {
    /// The nouns of the checked-in gazetteer files.
    pub fn from_gazetteers() -> Heads {
        let places = list(include_str!("../../../src/ner/gazetteer/place_types.txt"))
            .into_iter()
            .filter(|w| w.ends_with(['ы', 'і']) && !PLACE_TYPES_LEFT_OUT.contains(&w.as_str()))
            .collect();
        Heads {
            places,
            orgs: list(include_str!("../../../src/ner/gazetteer/org_heads.txt")),
            titles: list(include_str!("../../../src/ner/gazetteer/person_titles.txt")),
        }
    }
}

/// The three learned lists, lowered and sorted.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Learned {
    pub places: Vec<String>,
    pub persons: Vec<String>,
    pub orgs: Vec<String>,
    pub proper: Vec<String>,
}

/// Applies the patterns to `passages`.
pub fn learn(passages: &[String], heads: &Heads) -> Learned {
    let tokenized: Vec<Vec<Token<'_>>> = passages.iter().map(|p| tokens(p)).collect();
    // Per lowered word: capitalised inside a sentence, lower case.
    let mut ortho: HashMap<String, (u32, u32)> = HashMap::new();
    for t in tokenized.iter().flatten().filter(|t| t.word && !t.first) {
        let e = ortho.entry(t.text.to_lowercase()).or_default();
        if capitalised(t.text) {
            e.0 += 1;
        } else if t.text.chars().next().is_some_and(char::is_lowercase) {
            e.1 += 1;
        }
    }
    let proper = |low: &str| {
        let (cap, lower) = ortho.get(low).copied().unwrap_or_default();
        lower * 2 <= cap
    };
    let mut places: BTreeMap<String, u32> = BTreeMap::new();
    let mut persons: BTreeMap<String, u32> = BTreeMap::new();
    let mut orgs: BTreeMap<String, u32> = BTreeMap::new();
    for toks in &tokenized {
        for (i, t) in toks.iter().enumerate() {
            if !t.word || !capitalised(t.text) || !name_like(t.text) {
                continue;
            }
            let low = t.text.to_lowercase();
            let Some(next) = toks.get(i + 1).filter(|n| n.word) else {
                continue;
            };
            let next_low = next.text.to_lowercase();
            if !proper(&low) {
                continue;
            }
            if noun_with_ending(&next_low, &heads.places, POSSESSIVE_CASE)
                && !GENITIVE.iter().any(|e| low.ends_with(e))
            {
                *places.entry(low.clone()).or_default() += 1;
            }
            if !t.first
                && capitalised(next.text)
                && surname(&next_low)
                && !NOT_FIRST.iter().any(|e| low.ends_with(e))
                && !heads.titles.contains(&low)
            {
                *persons.entry(low.clone()).or_default() += 1;
            }
        }
        // Quoted names before a head.
        for (i, t) in toks.iter().enumerate() {
            if t.text != "«" {
                continue;
            }
            let Some(close) = toks[i + 1..].iter().take(4).position(|t| t.text == "»") else {
                continue;
            };
            let inside = &toks[i + 1..i + 1 + close];
            if inside.is_empty()
                || !inside.iter().all(|t| t.word)
                || !capitalised(inside[0].text)
                || !inside.iter().any(|t| name_like(t.text))
            {
                continue;
            }
            let mut headed = false;
            for t in toks[i + 2 + close..].iter().take(4) {
                if !t.word {
                    break;
                }
                if noun_with_ending(&t.text.to_lowercase(), &heads.orgs, POSSESSIVE_CASE) {
                    headed = true;
                    break;
                }
                if !t.text.chars().next().is_some_and(char::is_lowercase) {
                    break;
                }
            }
            if headed {
                let name: Vec<String> = inside.iter().map(|t| t.text.to_lowercase()).collect();
                *orgs.entry(name.join(" ")).or_default() += 1;
            }
        }
    }
    let keep = |m: BTreeMap<String, u32>| -> Vec<String> {
        m.into_iter()
            .filter(|(_, n)| *n >= MIN_COUNT)
            .map(|(w, _)| w)
            .collect()
    };
    let mut proper: Vec<String> = ortho
        .iter()
        .filter(|(w, &(cap, lower))| cap >= MIN_PROPER && lower * 2 <= cap && name_like(w))
        .map(|(w, _)| w.clone())
        .collect();
    proper.sort_unstable();
    Learned {
        proper,
        places: keep(places),
        persons: keep(persons),
        orgs: keep(orgs),
    }
}

/// The lists learned from KazQAD, computed once per run.
fn learned() -> Result<&'static Learned, String> {
    static LEARNED: OnceLock<Result<Learned, String>> = OnceLock::new();
    LEARNED
        .get_or_init(|| {
            let prose = crate::read_prose()?;
            let passages = crate::distinct_passages(&prose.contexts, &prose.jsonl);
            Ok(learn(&passages, &Heads::from_gazetteers()))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// A list file: header, then one lowered entry per line.
fn render_list(what: &str, pattern: &str, entries: &[String]) -> String {
    let mut out = format!(
        "# {what}, learned from unlabelled prose: {pattern}.\n\
         # Generated by tools/gentables (src/prose_names.rs) from KazQAD's Kazakh Wikipedia\n\
         # passages (../shared/data/kazqad; CC BY-SA 4.0, ISSAI); do not edit.\n\
         # {} entries, lowered.\n",
        entries.len()
    );
    for e in entries {
        out.push_str(e);
        out.push('\n');
    }
    out
}

/// Renders the learned places.
pub fn render_places() -> Result<String, String> {
    Ok(render_list(
        "Places",
        "a capitalised word before a kind of place (Ботақара кентінде)",
        &learned()?.places,
    ))
}

/// Renders the learned first names.
pub fn render_persons() -> Result<String, String> {
    Ok(render_list(
        "First names",
        "a capitalised word before a surname (Ахмет Байтұрсынұлы)",
        &learned()?.persons,
    ))
}

/// Renders the learned organizations.
pub fn render_orgs() -> Result<String, String> {
    Ok(render_list(
        "Organizations",
        "a quoted name or a capitalised word before an organization head («Ақ жол» партиясы)",
        &learned()?.orgs,
    ))
}

/// Renders the learned proper nouns.
pub fn render_proper() -> Result<String, String> {
    Ok(render_list(
        "Proper nouns",
        "words written capitalised inside sentences at least twice, and in lower case at most half as often",
        &learned()?.proper,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads() -> Heads {
        Heads::from_gazetteers()
    }

    fn learned(text: &str) -> Learned {
        learn(&[text.to_string()], &heads())
    }

    #[test]
    fn tokens_mark_words_marks_and_sentence_starts() {
        let t = tokens("Абай ауылы. Ол «Ақ жол»-ға барды");
        let got: Vec<(&str, bool, bool)> = t.iter().map(|t| (t.text, t.word, t.first)).collect();
        assert_eq!(
            got,
            [
                ("Абай", true, true),
                ("ауылы", true, false),
                (".", false, false),
                ("Ол", true, true),
                ("«", false, false),
                ("Ақ", true, false),
                ("жол", true, false),
                ("»", false, false),
                ("-", false, false),
                ("ға", true, false),
                ("барды", true, false),
            ]
        );
    }

    #[test]
    fn patterns_find_places_first_names_and_organizations() {
        // (passage, places, first names, organizations)
        type Case = (
            &'static str,
            &'static [&'static str],
            &'static [&'static str],
            &'static [&'static str],
        );
        let cases: &[Case] = &[
            // A kind of place in any case after the name.
            ("Біз Ботақара кентінде тұрдық.", &["ботақара"], &[], &[]),
            ("Олар Сырдария өзенінің бойында.", &["сырдария"], &[], &[]),
            ("Торғай облысы құрылды.", &["торғай"], &[], &[]),
            // The owner in the genitive is no name of the place.
            ("Қазақстанның аумағы үлкен.", &[], &[], &[]),
            // The adjective before `республикасы` is left out.
            ("Кеңестік Социалистік Республикасы құрылды.", &[], &[], &[]),
            // A lower-case word is no name.
            ("Бұл үлкен ауданы бар.", &[], &[], &[]),
            // A first name before a surname or patronymic in any case.
            ("Кітапты Ахмет Байтұрсынұлы жазды.", &[], &["ахмет"], &[]),
            (
                "Оны Мұхтар Әуезовтің романы деп біледі.",
                &[],
                &["мұхтар"],
                &[],
            ),
            // Not a patronymic, and not at a sentence's start.
            ("Онда Анна Ивановна Петрова болды.", &[], &["анна"], &[]),
            ("Сейфуллин келді.", &[], &[], &[]),
            // A word written in lower case more often is no name.
            (
                "Ал президент Тоқаев пен президент келді. Президент Тоқаев.",
                &[],
                &[],
                &[],
            ),
            // A quoted name before an organization head.
            ("Ол «Ақ жол» партиясы құрамында.", &[], &[], &["ақ жол"]),
            ("Бұл «Балқашмыс» мыс комбинаты.", &[], &[], &["балқашмыс"]),
            // A quoted name with no head after it.
            ("Ол «Абай жолы» романын жазды.", &[], &[], &[]),
        ];
        for &(text, places, persons, orgs) in cases {
            let got = learned(text);
            assert_eq!(got.places, places, "{text}");
            assert_eq!(got.persons, persons, "{text}");
            assert_eq!(got.orgs, orgs, "{text}");
        }
    }

    #[test]
    fn proper_nouns_are_capitalised_inside_sentences() {
        let got = learned("Біз Абайды оқыдық. Ол Абайды сүйді. Бұл бұл емес. Ол Бұл деді.");
        assert_eq!(got.proper, ["абайды"]);
    }
}
