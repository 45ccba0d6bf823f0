//! Name swap (training only, see `Trainer::name_swap`): at a visit of a
//! training sentence, a copy of it with some of its person, place and
//! organization names written over by other names of the same type from
//! the training data is learned too, so that the tagger finds names by
//! their context, affixes, shape and lists more than by knowing them.
//!
//! Kazakh puts the case ending on the last word of a name (`Астанаға`,
//! `Білім министрлігінің`), so each name is kept as its words with the
//! last one cut before its case ending (`Білім министрлігі` + `нің`). A
//! name in the nominative (nothing cut) may take any other name of its
//! type; an inflected one only a name whose cut last word picks the same
//! form of the ending: the same harmony and class of last sound, a
//! third-person possessive or not (`облысына` but `Астанаға`), written as
//! an acronym or not (`БҰҰ-ның`). The ending stays where it was, so the
//! new sentence is as well formed as the old one.

use super::iob;
use super::Label;
use crate::morph::{self, Morpheme, Person};
use std::collections::HashMap;

/// What picks the form of a case ending written after a stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct StemClass {
    /// 0 open, 1 back, 2 front (`morph::suffix_class`).
    harmony: u8,
    /// The class of the stem's last sound.
    sound: u8,
    /// Whether the stem ends in a third-person possessive (`облысы`),
    /// after which the dative, accusative, locative and ablative take an
    /// `н` (`облысына`).
    possessive: bool,
    /// Whether the stem is written in capitals (`БҰҰ`, `ҚР`), whose
    /// endings follow the letters' names after a hyphen.
    acronym: bool,
}

/// A name of a sentence that a swap may write over.
#[derive(Debug)]
struct Place {
    label: Label,
    /// Its tokens.
    start: usize,
    end: usize,
    /// Its type as the gold labels write it (`GPE`).
    kind: String,
    /// The case ending cut from its last word (empty in the nominative).
    ending: String,
    class: StemClass,
    /// Its own entry in [`NameSwap::names`].
    own: usize,
}

/// The names of some training data, ready to be swapped.
pub(super) struct NameSwap {
    /// The distinct names: their words, the last cut before its case
    /// ending, in order of first occurrence.
    names: Vec<Vec<String>>,
    /// Entries of `names` by type and by the class of the cut last word,
    /// one per occurrence.
    by_class: HashMap<(Label, StemClass), Vec<usize>>,
    /// Entries of `names` by type, one per occurrence.
    by_type: HashMap<Label, Vec<usize>>,
    /// The names of each sentence, in order.
    places: Vec<Vec<Place>>,
}

/// Case endings (of `morph::CASE_ENDINGS`) that a name's last word read
/// as nominative may still end in: an unknown surname's genitive (`Қалыбекованың`) is left whole by
/// the analyser, and would lose its case when swapped. Short endings that
/// end many names (`Алматы`, `Канада`) are left out, and an ending must
/// follow three letters at least (`Йемен`).
const LOOKS_INFLECTED: &[&str] = &[
    "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "дан", "ден", "тан", "тен",
    "нан", "нен", "нда", "нде", "дағы", "дегі", "тағы", "тегі", "мен", "бен", "пен",
];

/// Whether a word the analyser left uninflected ends like a case ending
/// after at least three letters.
fn looks_inflected(word: &str) -> bool {
    let lower = crate::letters::fold_lower(word);
    LOOKS_INFLECTED.iter().any(|e| {
        lower
            .strip_suffix(e)
            .is_some_and(|stem| stem.chars().count() >= 3)
    })
}

/// Where the case ending of a name's last word starts, and the class of
/// what comes before it.
fn cut(word: &str) -> (usize, StemClass) {
    let (end, _) = morph::split_case(word);
    let stem = &word[..end];
    let (harmony, sound) = morph::suffix_class(stem);
    // The suffix before the case ending (or the last one, when there is
    // none) is a third-person possessive.
    let possessive = morph::analyze(word).first().is_some_and(|a| {
        a.suffixes
            .iter()
            .rev()
            .find(|s| !matches!(s.morpheme, Morpheme::Case(_) | Morpheme::Attributive))
            .is_some_and(|s| {
                matches!(
                    s.morpheme,
                    Morpheme::Possessive {
                        person: Person::Third,
                        ..
                    }
                )
            })
    });
    let mut letters = stem.chars().filter(|c| c.is_alphabetic()).peekable();
    let acronym = letters.peek().is_some() && {
        let upper: Vec<bool> = letters.map(char::is_uppercase).collect();
        upper.len() >= 2 && upper.iter().all(|&u| u)
    };
    (
        end,
        StemClass {
            harmony,
            sound,
            possessive,
            acronym,
        },
    )
}

impl NameSwap {
    /// The names of `data` (tokens with IOB2 gold labels; the PER, LOC and
    /// ORG spans of any type [`Label::from_type`] reads).
    pub(super) fn new<T: AsRef<str>, L: AsRef<str>>(data: &[(Vec<T>, Vec<L>)]) -> NameSwap {
        let mut swap = NameSwap {
            names: Vec::new(),
            by_class: HashMap::new(),
            by_type: HashMap::new(),
            places: Vec::with_capacity(data.len()),
        };
        let mut known: HashMap<(Label, String), usize> = HashMap::new();
        for (tokens, gold) in data {
            let mut places = Vec::new();
            for e in iob::entities(gold) {
                let Some(label) = Label::from_type(e.label) else {
                    continue;
                };
                if e.end > tokens.len() {
                    continue;
                }
                let last = tokens[e.end - 1].as_ref();
                let (at, class) = cut(last);
                if at == 0 || (at == last.len() && looks_inflected(last)) {
                    continue;
                }
                let mut words: Vec<String> = tokens[e.start..e.end - 1]
                    .iter()
                    .map(|t| t.as_ref().to_owned())
                    .collect();
                words.push(last[..at].to_owned());
                let key = (label, words.join(" "));
                let own = *known.entry(key).or_insert_with(|| {
                    swap.names.push(words);
                    swap.names.len() - 1
                });
                // One entry per occurrence: names are drawn as often as
                // the data has them.
                swap.by_class.entry((label, class)).or_default().push(own);
                swap.by_type.entry(label).or_default().push(own);
                places.push(Place {
                    label,
                    start: e.start,
                    end: e.end,
                    kind: e.label.to_owned(),
                    ending: last[at..].to_owned(),
                    class,
                    own,
                });
            }
            swap.places.push(places);
        }
        swap
    }

    /// Sentence `s` of the data (`tokens` and `gold`, as given to
    /// [`NameSwap::new`]) with each of its names written over, with
    /// probability `threshold / 2^53`, by a name of its type that fits its
    /// case ending (drawn as often as the data has it); `None` when no name
    /// changed. `next` gives
    /// the random draws: one per name, and one more per name drawn.
    pub(super) fn swap<T: AsRef<str>, L: AsRef<str>>(
        &self,
        s: usize,
        tokens: &[T],
        gold: &[L],
        threshold: u64,
        next: &mut impl FnMut() -> u64,
    ) -> Option<(Vec<String>, Vec<String>)> {
        let places = self.places.get(s)?;
        let mut chosen: Vec<(usize, usize)> = Vec::new();
        for (p, place) in places.iter().enumerate() {
            if next() >> 11 >= threshold {
                continue;
            }
            let pool = if place.ending.is_empty() {
                self.by_type.get(&place.label)
            } else {
                self.by_class.get(&(place.label, place.class))
            };
            let Some(pool) = pool.filter(|pool| pool.len() > 1) else {
                continue;
            };
            let pick = pool[(next() % pool.len() as u64) as usize];
            if pick != place.own {
                chosen.push((p, pick));
            }
        }
        if chosen.is_empty() {
            return None;
        }
        let mut words = Vec::with_capacity(tokens.len() + 4);
        let mut labels = Vec::with_capacity(tokens.len() + 4);
        let mut k = 0;
        for (p, pick) in chosen {
            let place = &places[p];
            for (t, l) in tokens[k..place.start].iter().zip(&gold[k..place.start]) {
                words.push(t.as_ref().to_owned());
                labels.push(l.as_ref().to_owned());
            }
            let name = &self.names[pick];
            for (i, w) in name.iter().enumerate() {
                let prefix = if i == 0 { "B" } else { "I" };
                labels.push(format!("{prefix}-{}", place.kind));
                if i + 1 == name.len() {
                    words.push(format!("{w}{}", place.ending));
                } else {
                    words.push(w.clone());
                }
            }
            k = place.end;
        }
        for (t, l) in tokens[k..].iter().zip(&gold[k..]) {
            words.push(t.as_ref().to_owned());
            labels.push(l.as_ref().to_owned());
        }
        Some((words, labels))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Vec<(Vec<&'static str>, Vec<&'static str>)> {
        vec![
            (
                vec!["Тоқаев", "Астанаға", "келді", "."],
                vec!["B-PERSON", "B-GPE", "O", "O"],
            ),
            (
                vec!["Ербол", "Семейге", "барды"],
                vec!["B-PERSON", "B-GPE", "O"],
            ),
            (
                vec!["Білім", "министрлігінің", "өкілі", "Алматыда"],
                vec!["B-ORGANISATION", "I-ORGANISATION", "O", "B-GPE"],
            ),
            (
                vec!["Ұлттық", "банк", "шешім", "қабылдады"],
                vec!["B-ORGANISATION", "I-ORGANISATION", "O", "O"],
            ),
            (
                vec!["Ақтөбе", "облысына", "Назарбаев", "келді"],
                vec!["B-GPE", "I-GPE", "B-PERSON", "O"],
            ),
            (
                vec!["Қарағанды", "облысы", "мен", "Тараз"],
                vec!["B-GPE", "I-GPE", "O", "B-GPE"],
            ),
        ]
    }

    /// Draws from the trainer's generator.
    fn draws(seed: u64) -> impl FnMut() -> u64 {
        let mut rng = crate::hash::SplitMix(seed);
        move || rng.next()
    }

    const ALWAYS: u64 = 1 << 53;

    #[test]
    fn names_are_cut_before_their_case_ending() {
        let swap = NameSwap::new(&data());
        let names: Vec<String> = swap.names.iter().map(|n| n.join(" ")).collect();
        for want in [
            "Астана",
            "Семей",
            "Білім министрлігі",
            "Ақтөбе облысы",
            "Тоқаев",
        ] {
            assert!(names.iter().any(|n| n == want), "{want}: {names:?}");
        }
        // `Қарағанды облысы` and `Ақтөбе облысы` (cut from `облысына`) are
        // both possessive; `Астана` is not.
        let class = |w: &str| cut(w).1;
        assert!(class("облысына").possessive);
        assert!(class("облысы").possessive);
        assert!(!class("Астанаға").possessive);
        assert_eq!(class("облысына"), class("облысы"));
        assert_ne!(class("Астанаға"), class("облысына"));
        assert_ne!(class("Семейге"), class("Астанаға"));
        assert!(class("БҰҰ-ның").acronym && !class("Тараз").acronym);
        assert_eq!(&"БҰҰ-ның"[cut("БҰҰ-ның").0..], "-ның");
        // The endings are the analyser's.
        assert!(LOOKS_INFLECTED
            .iter()
            .all(|e| morph::CASE_ENDINGS.contains(e)));
        for (word, doubtful) in [
            ("Қалыбекованың", true),
            ("Жанкелдиеваға", true),
            ("Сан-Мариномен", true),
            ("Алматы", false),
            ("Канада", false),
            ("Йемен", false),
            ("Ақтөбе", false),
        ] {
            assert_eq!(looks_inflected(word), doubtful, "{word}");
        }
    }

    #[test]
    fn a_swap_writes_names_of_the_same_type_and_leaves_the_rest() {
        let data = data();
        let swap = NameSwap::new(&data);
        let mut next = draws(7);
        let mut changed = 0;
        for _ in 0..50 {
            for (s, (tokens, gold)) in data.iter().enumerate() {
                let Some((words, labels)) = swap.swap(s, tokens, gold, ALWAYS, &mut next) else {
                    continue;
                };
                changed += 1;
                assert_eq!(words.len(), labels.len());
                let old = iob::entities(gold);
                let new = iob::entities(&labels);
                // The same spans, type for type, in the same order.
                assert_eq!(old.len(), new.len(), "{words:?}");
                for (o, n) in old.iter().zip(&new) {
                    assert_eq!(o.label, n.label, "{words:?}");
                }
                // The tokens between names are untouched.
                let outside = |ws: &[String], ls: &[String]| -> Vec<(String, String)> {
                    ws.iter()
                        .zip(ls)
                        .filter(|(_, l)| *l == "O")
                        .map(|(w, l)| (w.clone(), l.clone()))
                        .collect()
                };
                let old_words: Vec<String> = tokens.iter().map(|t| t.to_string()).collect();
                let old_labels: Vec<String> = gold.iter().map(|t| t.to_string()).collect();
                assert_eq!(outside(&old_words, &old_labels), outside(&words, &labels));
                // A new name is one of the data's names of its type, with
                // the old case ending, from the class that takes it.
                for (o, n) in old.iter().zip(&new) {
                    let label = Label::from_type(n.label).unwrap();
                    let ending = &swap
                        .places
                        .get(s)
                        .unwrap()
                        .iter()
                        .find(|p| p.start == o.start)
                        .unwrap()
                        .ending;
                    let last = &words[n.end - 1];
                    assert!(last.ends_with(ending.as_str()), "{last} {ending}");
                    let mut cut_words = words[n.start..n.end].to_vec();
                    let stem = last[..last.len() - ending.len()].to_owned();
                    *cut_words.last_mut().unwrap() = stem;
                    let entry = swap.names.iter().position(|w| *w == cut_words);
                    let entry = entry.unwrap_or_else(|| panic!("{cut_words:?}"));
                    assert!(swap.by_type[&label].contains(&entry), "{cut_words:?}");
                }
            }
        }
        assert!(changed > 20, "{changed}");
    }

    #[test]
    fn inflected_names_take_names_that_fit_their_ending() {
        let data = data();
        let swap = NameSwap::new(&data);
        let mut next = draws(3);
        let mut seen = Vec::new();
        for _ in 0..200 {
            // `Астанаға` (back, after a vowel): never `Семей`, `Ақтөбе
            // облысы` or `Алматы`'s front or possessive neighbours.
            if let Some((words, _)) = swap.swap(0, &data[0].0, &data[0].1, ALWAYS, &mut next) {
                seen.push(words[1].clone());
            }
        }
        for w in &seen {
            assert!(["Алматыға", "Астанаға"].contains(&w.as_str()), "{w}");
        }
        assert!(seen.iter().any(|w| w == "Алматыға"), "{seen:?}");
        // `облысына` keeps a possessive: only `Қарағанды облысы` (or
        // itself, when drawn; the person after it may change).
        let mut places = Vec::new();
        for _ in 0..50 {
            if let Some((words, _)) = swap.swap(4, &data[4].0, &data[4].1, ALWAYS, &mut next) {
                places.push(words[..2].join(" "));
            }
        }
        for p in &places {
            assert!(
                ["Ақтөбе облысына", "Қарағанды облысына"].contains(&p.as_str()),
                "{p}"
            );
        }
        assert!(
            places.iter().any(|p| p.starts_with("Қарағанды")),
            "{places:?}"
        );
    }

    #[test]
    fn only_the_names_it_was_built_from_come_in() {
        // Built on the first four sentences, as a training part; the last
        // two are held out, with names of their own.
        let data = data();
        let (part, held) = data.split_at(4);
        let swap = NameSwap::new(part);
        let own: Vec<&str> = ["Ақтөбе", "облыс", "Назарбаев", "Қарағанды", "Тараз"].to_vec();
        for (tokens, _) in held {
            assert!(tokens.iter().any(|t| own.iter().any(|o| t.starts_with(o))));
        }
        let mut next = draws(5);
        let mut changed = 0;
        for _ in 0..50 {
            for (s, (tokens, gold)) in part.iter().enumerate() {
                if let Some((words, _)) = swap.swap(s, tokens, gold, ALWAYS, &mut next) {
                    changed += 1;
                    for w in &words {
                        assert!(!own.iter().any(|o| w.starts_with(o)), "{words:?}");
                    }
                }
            }
        }
        assert!(changed > 0);
    }

    #[test]
    fn a_swap_is_deterministic_and_off_at_rate_zero() {
        let data = data();
        let swap = NameSwap::new(&data);
        let run = |seed: u64| {
            let mut next = draws(seed);
            (0..20)
                .flat_map(|_| {
                    data.iter()
                        .enumerate()
                        .map(|(s, (t, g))| swap.swap(s, t, g, ALWAYS / 2, &mut next))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(run(11), run(11));
        assert_ne!(run(11), run(12));
        let mut next = draws(1);
        for (s, (t, g)) in data.iter().enumerate() {
            assert_eq!(swap.swap(s, t, g, 0, &mut next), None);
        }
        // Sentences it was not built from are left alone.
        assert_eq!(
            swap.swap(data.len(), &data[0].0, &data[0].1, ALWAYS, &mut next),
            None
        );
    }
}
