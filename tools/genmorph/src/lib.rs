//! Generator of the `kazakh` crate's morphology lexicon,
//! `src/morph/lexicon.txt`.
//!
//! The lexicon lists stems with their word class, one `stem<TAB>flags<TAB>f` line
//! each (`stem<TAB>flags<TAB>f<TAB>fv` for a verb stem whose uses with verb
//! endings alone fall in another bucket), sorted by byte order, lower
//! case. Flags: `n` nominal (noun, adjective and other declinable words),
//! `v` verb stem, `p` proper noun.
//! Sources:
//!
//! * Debian's `hunspell-kk` dictionary (`/usr/share/hunspell/kk_KZ.dic`, or
//!   the file named by `KAZAKH_HUNSPELL_DIC`; © 2009 Akmaral Mussayeva,
//!   László Németh, Rail Aliev; GPL-2+ or LGPL-2.1+ or MPL-1.1+). Entries
//!   with the gerund flag class (`абайлау/Mm…`) give verb stems (`абайла`,
//!   `шығу` → `шық`, `оқу` → `оқы`, `қою` → `қой`), and so do nominal
//!   entries that are such a stem with a causative suffix (`қалдыр`) or
//!   a nominal with -ла (`мазала`);
//!   other lower-case entries are nominal, capitalised ones proper nouns,
//!   but for converbs of a verb stem in -а/-е/-й that KazNERD shows before
//!   an auxiliary verb (`айта кетейік`, `келе жатқан`): the dictionary
//!   lists them as nominals, and they are verb forms; and a nominal entry
//!   that KazNERD shows with two different endings only verbs take
//!   (`күшейіп`, `күшейген`) is a verb stem too.
//!   Entries that are another nominal entry of three letters or more with
//!   a regular plural, possessive or case ending (`өмірі`, `басы`)
//!   are dropped when KazNERD shows the stem with two endings, so that
//!   the analyser strips the ending.
//! * KazNERD (`../shared/data/kaznerd/IOB2_valid.txt`; © ISSAI, CC BY 4.0;
//!   Yeshpanov, Khassanov, Varol, LREC 2022): capitalised words inside
//!   entity spans become proper nouns, and frequent lower-case words missing
//!   from the dictionary become nominal stems, when they are not themselves
//!   a known word plus a case or possessive ending, and (for lower-case
//!   words) when the text also has them with endings.
//!
//! UD Kazakh is not used here: it is only for measuring.
//!
//! The test below fails when the checked-in file differs from what the
//! generator produces now, and skips (printing why) when a source is absent.
#![forbid(unsafe_code)]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The library's suffix phonology, compiled into the generator as its own
/// module (it imports nothing from the library).
#[path = "../../../src/morph/phon.rs"]
#[allow(dead_code)]
mod phon;

use phon::Harmony;

/// Path of the generated lexicon relative to the workspace root.
pub const LEXICON_PATH: &str = "src/morph/lexicon.txt";

/// The workspace root: two levels above this crate's manifest.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| manifest.join("../.."), Path::to_path_buf)
}

/// Where the hunspell-kk dictionary is read from.
pub fn hunspell_path() -> PathBuf {
    std::env::var_os("KAZAKH_HUNSPELL_DIC").map_or_else(
        || PathBuf::from("/usr/share/hunspell/kk_KZ.dic"),
        PathBuf::from,
    )
}

/// Where the KazNERD validation split is read from.
pub fn kaznerd_path() -> PathBuf {
    workspace_root().join("../shared/data/kaznerd/IOB2_valid.txt")
}

/// Case, possessive and plural endings used to tell an inflected word from a
/// stem (surface forms, any harmony).
const ENDINGS: &[&str] = &[
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "да",
    "де",
    "та",
    "те",
    "нда",
    "нде",
    "дан",
    "ден",
    "нан",
    "нен",
    "тан",
    "тен",
    "мен",
    "бен",
    "пен",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "н",
    "ы",
    "і",
    "сы",
    "сі",
    "лар",
    "лер",
    "дар",
    "дер",
    "тар",
    "тер",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ндағы",
    "ндегі",
    "ын",
    "ін",
    "сын",
    "сін",
    "ына",
    "іне",
    "сына",
    "сіне",
    "ында",
    "інде",
    "сында",
    "сінде",
    "ынан",
    "інен",
    "сынан",
    "сінен",
    "ының",
    "інің",
    "сының",
    "сінің",
    "ымен",
    "імен",
    "сымен",
    "сімен",
    "лары",
    "лері",
    "дары",
    "дері",
    "тары",
    "тері",
];

/// Endings whose presence after a word is evidence that it is a stem.
const EVIDENCE: &[&str] = &[
    "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "да", "де", "та", "те",
    "дан", "ден", "нан", "нен", "тан", "тен", "мен", "бен", "пен", "лар", "лер", "дар", "дер",
    "тар", "тер", "дағы", "дегі", "тағы", "тегі", "ы", "і", "сы", "сі", "ын", "ін", "сын", "сін",
];

// Harmony is read loosely here, letter by letter: the library's vowel
// letters, with у as back and и, ю as front wherever they stand.
fn is_back(c: char) -> bool {
    phon::vowel_harmony(c) == Some(Harmony::Back) || c == 'у'
}

fn is_front(c: char) -> bool {
    phon::vowel_harmony(c) == Some(Harmony::Front) || matches!(c, 'и' | 'ю')
}

/// Whether the ending's vowel agrees with the stem's last vowel (endings
/// without a vowel, or stems without one, agree).
fn harmony_agrees(stem: &str, ending: &str) -> bool {
    let Some(e) = ending.chars().rev().find(|&c| is_back(c) || is_front(c)) else {
        return true;
    };
    let Some(s) = stem.chars().rev().find(|&c| is_back(c) || is_front(c)) else {
        return true;
    };
    is_back(e) == is_back(s)
}

/// Undoes the voicing of a stem-final consonant before a vowel.
fn devoiced(stem: &str) -> Option<String> {
    let last = stem.chars().next_back()?;
    let to = phon::devoiced(last)?;
    let mut s = stem[..stem.len() - last.len_utf8()].to_owned();
    s.push(to);
    Some(s)
}

/// Whether `word` is a word of `known` plus one of [`ENDINGS`]; for names
/// (`name`), the one-letter endings are left out (Алматы is not Алмат + -ы).
fn is_inflected(word: &str, known: &HashMap<String, usize>, name: bool) -> bool {
    let count = known.get(word).copied().unwrap_or(0);
    // A name stem must be about as frequent as the form (Алма is a name,
    // but Алматы is not Алма + -ты).
    let enough = |stem: &str| {
        known
            .get(stem)
            .is_some_and(|&n| !name || n.saturating_mul(3) >= count)
    };
    ENDINGS.iter().any(|ending| {
        if name && ending.chars().count() == 1 {
            return false;
        }
        let Some(stem) = word.strip_suffix(ending) else {
            return false;
        };
        if stem.chars().count() < 2 || !harmony_agrees(stem, ending) {
            return false;
        }
        enough(stem) || devoiced(stem).is_some_and(|s| enough(&s))
    })
}

/// The stem of a surname or patronymic in a case (`жақыпованың` →
/// `жақыпова`, `ростовқа` → `ростов`, `құнанбайұлының` → `құнанбайұлы`):
/// a root of two letters or more before the name's suffix (-ов, -ев,
/// -ёв, -ин, their feminine in -а, -ұлы, -қызы, -ский, -цкий, -ская) followed by
/// the genitive, accusative, dative, locative, ablative or instrumental
/// exactly as the stem's last sound and harmony choose it. KazNERD has such
/// forms of names it never writes bare (`Мишустиннің`); made entries of
/// their own, they kept the case in the lemma. `Петровна` (-на is no case
/// after в) and `Ивановка` (-ка no Kazakh ending) stay whole.
fn surname_in_case(word: &str) -> Option<&str> {
    const SHAPES: [&str; 13] = [
        "ов", "ев", "ёв", "ин", "ова", "ева", "ёва", "ина", "ұлы", "қызы", "ский", "цкий", "ская",
    ];
    (2..=4).find_map(|len| {
        let split = word.char_indices().rev().nth(len - 1)?.0;
        let (stem, ending) = word.split_at(split);
        let shaped = SHAPES.iter().any(|s| {
            stem.strip_suffix(s)
                .is_some_and(|root| root.chars().count() >= 2)
        });
        if !shaped {
            return None;
        }
        headed(stem, &CASES).into_iter().find_map(|back| {
            let front: String = back.chars().map(phon::front_of).collect();
            // A stem of unknown harmony (`киев`) takes either; the
            // instrumental has one vowel for both.
            let fits = match phon::harmony(stem) {
                Some(Harmony::Front) => ending == front,
                Some(Harmony::Back) => ending == back,
                None => ending == front || ending == back,
            };
            fits.then_some(stem)
        })
    })
}

/// The six cases after a consonant or vowel, without the n-forms of a
/// possessive: head consonants and the rest, written back.
const CASES: [(phon::Heads, &str); 6] = [
    (phon::GENITIVE, "ың"),
    (phon::ACCUSATIVE, "ы"),
    (phon::DATIVE, "а"),
    (phon::LOCATIVE, "а"),
    (phon::ABLATIVE, "ан"),
    (phon::INSTRUMENTAL, "ен"),
];

/// How many different endings of [`EVIDENCE`] follow `word` in `forms`.
fn inflections(word: &str, forms: &HashSet<String>) -> usize {
    let voiced = {
        let mut chars: Vec<char> = word.chars().collect();
        if let Some(last) = chars.last_mut() {
            *last = phon::voiced(*last).unwrap_or(*last);
        }
        chars.into_iter().collect::<String>()
    };
    EVIDENCE
        .iter()
        .filter(|ending| {
            harmony_agrees(word, ending)
                && (forms.contains(&format!("{word}{ending}"))
                    || forms.contains(&format!("{voiced}{ending}")))
        })
        .count()
}

fn is_cyrillic_word(word: &str) -> bool {
    word.chars().count() >= 2
        && word
            .chars()
            .all(|c| matches!(c, '\u{0400}'..='\u{04FF}' | '-'))
        && !word.starts_with('-')
        && !word.ends_with('-')
}

/// Frequent verb endings: a verb stem seen with one of them is common.
const VERB_ENDINGS: &[&str] = &[
    "ды", "ді", "ты", "ті", "ған", "ген", "қан", "кен", "ып", "іп", "п", "ады", "еді", "йды",
    "йді", "уы", "уге", "уға", "атын", "етін", "йтын", "йтін",
];

/// Labels of KazNERD classes that are numbers or times, not names.
const NUMBER_CLASSES: &[&str] = &[
    "CARDINAL",
    "ORDINAL",
    "PERCENTAGE",
    "MONEY",
    "QUANTITY",
    "DATE",
    "TIME",
];

/// The verb stems of a dictionary gerund (`words`: every entry of the
/// dictionary, lower case): none when the word is no gerund, two when it
/// is ambiguous.
///
/// * -ю is й + у (қою → қой), or у after и (кию → ки); see below for
///   the stems left out;
/// * a voiceless к қ п before -у shows a vowel stem, since a consonant
///   stem would voice it (оқу → оқы; шығу → шық);
/// * so does a form of the dictionary built on the stem with ы/і: a
///   causative in -т, which follows vowels only (даму, дамыту → дамы), or
///   a present in -иды, ы/і merged with -йды (қамтиды → қамты); forms in
///   -ыған, -ыды are no evidence, being also cases of nominals (осыған);
///   the consonant stem is kept beside it (ашу: аш open, ашы turn sour);
/// * otherwise the stem drops -у and undoes the voicing of its last
///   consonant (шығу → шық, табу → тап).
fn verb_stems(lower: &str, words: &HashSet<String>) -> [Option<String>; 2] {
    if let Some(stem) = lower.strip_suffix('ю') {
        if stem.ends_with('и') {
            return [Some(stem.to_owned()), None];
        }
        // аю (bear) is a noun: a stem of two letters is no evidence. When
        // the stem without й is a verb too (қараю, қарау), its present
        // tense (қара-йды) would read as the past of the other (қарай-ды),
        // and the commoner verb is kept alone.
        let glide = format!("{stem}й");
        let shadowed = words.contains(&format!("{stem}у"));
        return [
            (glide.chars().count() >= 3 && !shadowed).then_some(glide),
            None,
        ];
    }
    let Some(stem) = lower.strip_suffix('у') else {
        return [None, None];
    };
    let Some(last) = stem.chars().next_back() else {
        return [None, None];
    };
    let mut vowel_stem = None;
    let vowel = if stem
        .chars()
        .rev()
        .find(|&c| is_back(c) || is_front(c))
        .is_some_and(is_back)
    {
        'ы'
    } else {
        'і'
    };
    if !phon::is_vowel(last) && last != 'й' {
        let with_vowel = format!("{stem}{vowel}");
        if matches!(last, 'к' | 'қ' | 'п') {
            return [Some(with_vowel), None];
        }
        let present = if vowel == 'ы' { "иды" } else { "иді" };
        let shown = [format!("{with_vowel}ту"), format!("{stem}{present}")];
        if shown.iter().any(|w| words.contains(w)) {
            vowel_stem = Some(with_vowel);
        }
    }
    let prev_vowel = stem
        .chars()
        .rev()
        .nth(1)
        .is_some_and(|c| is_back(c) || is_front(c) || matches!(c, 'р' | 'л' | 'й'));
    let consonant_stem = match devoiced(stem) {
        Some(d) if prev_vowel => d,
        _ => stem.to_owned(),
    };
    [Some(consonant_stem), vowel_stem]
}

/// The causative suffixes of two letters or more, back and front.
const CAUSATIVES: &[&str] = &["дыр", "дір", "тыр", "тір", "ғыз", "гіз", "қыз", "кіз"];

/// Whether `word` is a verb stem of `flags` with a causative suffix whose
/// vowel agrees with it (қал + дыр, жетіл + дір); stems of two letters are
/// no evidence (батыр, a hero, is not ба + тыр).
fn causative_of(word: &str, flags: &BTreeMap<String, String>) -> bool {
    CAUSATIVES.iter().any(|c| {
        word.strip_suffix(c).is_some_and(|base| {
            base.chars().count() >= 3
                && harmony_agrees(base, c)
                && flags.get(base).is_some_and(|f| f.contains('v'))
        })
    })
}

/// Whether `word` is a nominal of `flags` of three letters or more with
/// the verb-making -ла/-ле in its harmony (жау + ла). A verb before -ла
/// makes a converb, not a verb (ашыл-а, айнал-а).
fn denominal_of(word: &str, flags: &BTreeMap<String, String>) -> bool {
    ["ла", "ле"].iter().any(|suffix| {
        word.strip_suffix(suffix).is_some_and(|base| {
            base.chars().count() >= 3
                && harmony_agrees(base, suffix)
                && flags
                    .get(base)
                    .is_some_and(|f| f.contains('n') && !f.contains('v'))
        })
    })
}

/// Verbs that follow a converb in -а/-е/-й as auxiliaries: progressive
/// (жат, отыр, тұр, жүр), ability (ал, біл), continuation (бер), start
/// (баста), and manner (кет, түс, қой).
const AUXILIARIES: &[&str] = &[
    "жат",
    "отыр",
    "тұр",
    "жүр",
    "ал",
    "біл",
    "бер",
    "баста",
    "кет",
    "түс",
    "қой",
];

/// Endings of the auxiliaries that close the phrase (tense, person,
/// participle, converb, gerund, conditional, imperative, intention -мақ),
/// both harmonies;
/// the empty string is the bare imperative.
const AUXILIARY_ENDINGS: &[&str] = &[
    "",
    "а",
    "е",
    "й",
    "ды",
    "ді",
    "ты",
    "ті",
    "дық",
    "дік",
    "тық",
    "тік",
    "дым",
    "дім",
    "тым",
    "тім",
    "ған",
    "ген",
    "қан",
    "кен",
    "ғаны",
    "гені",
    "қаны",
    "кені",
    "ғанын",
    "генін",
    "қанын",
    "кенін",
    "ғанда",
    "генде",
    "қанда",
    "кенде",
    "атын",
    "етін",
    "йтын",
    "йтін",
    "ады",
    "еді",
    "йды",
    "йді",
    "амын",
    "емін",
    "аймын",
    "еймін",
    "амыз",
    "еміз",
    "аймыз",
    "ейміз",
    "асыз",
    "есіз",
    "асыздар",
    "есіздер",
    "ып",
    "іп",
    "п",
    "у",
    "уға",
    "уге",
    "уды",
    "уді",
    "ар",
    "ер",
    "р",
    "са",
    "се",
    "сақ",
    "сек",
    "сын",
    "сін",
    "айық",
    "ейік",
    "айын",
    "ейін",
    "ыр",
    "ір",
    "мақ",
    "мек",
    "бақ",
    "бек",
    "пақ",
    "пек",
];

/// Endings after the auxiliaries' negation -ма/-ме/-ба/-бе/-па/-пе.
const NEGATED_ENDINGS: &[&str] = &[
    "", "й", "йды", "йді", "ймын", "ймін", "ймыз", "йміз", "йсыз", "йсіз", "ған", "ген", "ды",
    "ді", "дық", "дік", "са", "се", "с", "йтын", "йтін", "у", "уы",
];

/// Whether a KazNERD token is a form of an auxiliary verb ([`AUXILIARIES`]).
fn is_auxiliary(token: &str) -> bool {
    AUXILIARIES.iter().any(|aux| {
        token.strip_prefix(aux).is_some_and(|rest| {
            AUXILIARY_ENDINGS.contains(&rest)
                || ["ма", "ме", "ба", "бе", "па", "пе"].iter().any(|neg| {
                    rest.strip_prefix(neg)
                        .is_some_and(|r| NEGATED_ENDINGS.contains(&r))
                })
        })
    })
}

/// Whether `word` is a converb of a verb stem of `flags`: -а/-е in the
/// stem's harmony after a consonant (айт-а, біл-е; with the voiced б ғ г
/// of п қ к: таб-а), or -й after a vowel (жаса-й).
fn converb_of(word: &str, flags: &BTreeMap<String, String>) -> bool {
    let is_verb = |stem: &str| flags.get(stem).is_some_and(|f| f.contains('v'));
    let mut chars = word.chars().rev();
    let (Some(last), Some(before)) = (chars.next(), chars.next()) else {
        return false;
    };
    let stem = &word[..word.len() - last.len_utf8()];
    if stem.chars().count() < 2 {
        return false;
    }
    match last {
        'а' | 'е' if !phon::is_vowel(before) && harmony_agrees(stem, word) => {
            is_verb(stem) || devoiced(stem).is_some_and(|d| is_verb(&d))
        }
        'й' if phon::is_vowel(before) => is_verb(stem),
        _ => false,
    }
}

/// The nominal entries of `flags` that KazNERD (`kaznerd`, one `token
/// label` line a token) shows to be converbs: a converb of a verb stem
/// ([`converb_of`]), written in lower case, followed by an auxiliary verb
/// ([`is_auxiliary`]) at least once and in at least half of its uses
/// (айта кетейік, келе жатқан, шыға алмай). Adverbs from converbs stand
/// alone (өте, аса).
fn converbs(flags: &BTreeMap<String, String>, kaznerd: &str) -> Vec<String> {
    let mut uses: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut previous: Option<&str> = None;
    for line in kaznerd.lines() {
        let token = line.split_once(' ').map_or("", |(t, _)| t);
        if let Some(prev) = previous.take() {
            let counts = uses.entry(prev).or_default();
            counts.0 += 1;
            if is_auxiliary(token) {
                counts.1 += 1;
            }
        }
        let candidate = !token.is_empty()
            && !token.chars().any(char::is_uppercase)
            && flags.get(token).is_some_and(|f| f.contains('n'))
            && converb_of(token, flags);
        if candidate {
            previous = Some(token);
        }
    }
    let mut out: Vec<String> = uses
        .into_iter()
        .filter(|&(_, (all, before_aux))| before_aux >= 1 && before_aux * 2 >= all)
        .map(|(w, _)| w.to_owned())
        .collect();
    out.sort();
    out
}

/// Endings only verbs take, after a consonant (back harmony): converb,
/// present, participles, evidential past, and negated forms.
const VERB_ONLY_AFTER_CONSONANT: &[&str] = &[
    "ып",
    "ады",
    "атын",
    "ыпты",
    "ған",
    "қан",
    "маған",
    "баған",
    "паған",
    "майды",
    "байды",
    "пайды",
];

/// The same after a vowel.
const VERB_ONLY_AFTER_VOWEL: &[&str] = &["п", "йды", "йтын", "пты", "ған", "майды", "маған"];

/// The endings of [`VERB_ONLY_AFTER_CONSONANT`] or [`VERB_ONLY_AFTER_VOWEL`]
/// that fit `stem`'s last sound and harmony: -ған after a voiced sound,
/// -қан after a voiceless one, negation -ма after vowels and р й у л н ң
/// м з ж, -ба after л н ң м з ж, -па after voiceless sounds.
fn verb_only_endings(stem: &str) -> Vec<String> {
    let Some(last) = stem.chars().next_back() else {
        return Vec::new();
    };
    let Some(back) = stem
        .chars()
        .rev()
        .find(|&c| is_back(c) || is_front(c))
        .map(is_back)
    else {
        return Vec::new();
    };
    let vowel = phon::is_vowel(last);
    let voiceless = "кқпстшфхһцчщ".contains(last);
    let list = if vowel {
        VERB_ONLY_AFTER_VOWEL
    } else {
        VERB_ONLY_AFTER_CONSONANT
    };
    list.iter()
        .filter(|e| {
            if **e == "ған" {
                !voiceless
            } else if **e == "қан" {
                voiceless
            } else if e.starts_with('м') {
                vowel || "рйулнңмзж".contains(last)
            } else if e.starts_with('б') {
                "лнңмзж".contains(last)
            } else if e.starts_with("па") {
                voiceless
            } else {
                true
            }
        })
        .map(|e| {
            if back {
                (*e).to_owned()
            } else {
                e.chars()
                    .map(|c| match c {
                        'а' => 'е',
                        'ы' => 'і',
                        'ғ' => 'г',
                        'қ' => 'к',
                        c => c,
                    })
                    .collect()
            }
        })
        .collect()
}

/// The nominal entries of `flags` (not names nor lexicalised forms, three
/// letters or more) that KazNERD's lower-case words `lower_forms` show with
/// one of [`verb_only_endings`] (күшей-іп, күшей-ген): the dictionary lists such
/// verbs as bare stems. A form that is itself an entry, or a word of
/// `known` with a nominal ending, is no evidence (тәртіп is no тәрт-іп,
/// чемпионатын no чемпион-атын), nor -ады when the stem with -а is a verb
/// (тара-ды); stems in ы/і are left out (келі-п is кел-іп), and so are a
/// verb with its negation (жаса-ма-йды) and a passive of a verb (ал-ын),
/// which the analyzer strips.
fn verbs_shown_by_endings(
    flags: &BTreeMap<String, String>,
    lower_forms: &HashSet<&str>,
    known: &HashMap<String, usize>,
) -> Vec<String> {
    let is_verb = |w: &str| flags.get(w).is_some_and(|f| f.contains('v'));
    flags
        .iter()
        .filter(|(word, f)| {
            f.contains('n')
                && !f.contains('v')
                && !f.contains('p')
                && !f.contains('l')
                && word.chars().count() >= 3
                && !word.ends_with(['ы', 'і'])
                && !["ма", "ме", "ба", "бе", "па", "пе"]
                    .iter()
                    .any(|n| word.strip_suffix(n).is_some_and(is_verb))
                && !["ыл", "іл", "л", "ын", "ін", "н"]
                    .iter()
                    .any(|p| word.strip_suffix(p).is_some_and(is_verb))
        })
        .filter(|(word, _)| {
            verb_only_endings(word)
                .iter()
                .filter(|e| {
                    let form = format!("{word}{e}");
                    let present_of_a_stem = (e.as_str() == "ады" || e.as_str() == "еді")
                        && e.chars()
                            .next()
                            .is_some_and(|v| is_verb(&format!("{word}{v}")));
                    lower_forms.contains(form.as_str())
                        && !flags.contains_key(&form)
                        && !is_inflected(&form, known, false)
                        && !present_of_a_stem
                })
                .count()
                >= 1
        })
        .map(|(word, _)| word.clone())
        .collect()
}

/// The head consonant of `heads` after `stem`'s last sound.
fn head_after(stem: &str, heads: phon::Heads) -> Option<&'static str> {
    let class = phon::final_class(stem);
    phon::CLASSES
        .iter()
        .position(|&c| c == class)
        .map(|i| heads[i])
}

/// Each ending of `endings` (its head consonants, then the rest, written
/// back) with the head consonant `stem`'s last sound takes.
fn headed(stem: &str, endings: &[(phon::Heads, &str)]) -> Vec<String> {
    endings
        .iter()
        .filter_map(|&(heads, rest)| head_after(stem, heads).map(|h| format!("{h}{rest}")))
        .collect()
}

/// The regular nominal endings of `stem` in its harmony, with the head
/// consonants its last sound takes (facts table): the plural, the
/// 3rd-person possessive, the cases, -дағы, and their chains (plural +
/// possessive + case). Written for back harmony, made front for a front
/// stem; empty for a stem without a vowel.
fn nominal_endings(stem: &str) -> Vec<String> {
    let Some(harmony) = phon::harmony(stem) else {
        return Vec::new();
    };
    // Case endings after a sound, without the n-forms, and -дағы.
    let cases = |before: &str| -> Vec<String> {
        let mut all = headed(before, &CASES);
        all.extend(headed(before, &[(phon::LOCATIVE, "ағы")]));
        all
    };
    // After a 3rd-person possessive: the n-forms.
    let after_poss3 = ["", "н", "на", "нда", "нан", "ның", "мен", "ндағы"];
    let vowel_final = phon::final_class(stem) == phon::VOWEL;
    let poss3 = if vowel_final { "сы" } else { "ы" };
    let mut out: Vec<String> = Vec::new();
    out.extend(cases(stem));
    // After a consonant, -ы-н is also the deverbal -ын (келін, пішін,
    // қарын are words, not кел-і-н): left out.
    out.extend(
        after_poss3
            .iter()
            .filter(|c| vowel_final || **c != "н")
            .map(|c| format!("{poss3}{c}")),
    );
    if let Some(h) = head_after(stem, phon::PLURAL) {
        let plural = format!("{h}ар");
        out.extend(cases("р").into_iter().map(|c| format!("{plural}{c}")));
        out.extend(after_poss3.iter().map(|c| format!("{plural}ы{c}")));
        out.push(plural);
    }
    if harmony == Harmony::Front {
        for e in &mut out {
            *e = e.chars().map(phon::front_of).collect();
        }
        // The instrumental has no back form: -мен after either.
    }
    for e in &mut out {
        *e = e
            .replace("ман", "мен")
            .replace("бан", "бен")
            .replace("пан", "пен");
    }
    out
}

/// Whether `word` is a nominal entry of `flags` of three letters or more
/// plus one of its [`nominal_endings`] (ғалым-дар, өмір-і, ерекшелік-тер;
/// with the voiced final before a vowel: бөлі-гі ← бөлік), when KazNERD
/// shows the stem with two different endings (`forms`): a word KazNERD
/// has more often than its stem is still inflected (министрлігі, seen
/// bare far more than министрлік, as izafet heads are); before the
/// plural, which is never lexicalised, the stem seen bare is enough
/// (ғалым-дар). Two-letter
/// stems are no evidence (ақын is no ақ-ы-н, орын no ор-ы-н). A word that
/// KazNERD shows with two of its [`own_endings`] that cannot follow the
/// ending it seems to end in stays (желі-де, желі-лер: желі is no жел-і;
/// шілде-ден, шілде-ге: шілде is no шіл-де).
fn inflected_entry(word: &str, flags: &BTreeMap<String, String>, forms: &HashSet<String>) -> bool {
    let own = own_endings(word);
    word.char_indices().skip(3).any(|(i, _)| {
        let (surface, ending) = word.split_at(i);
        let vowel_first = ending.chars().next().is_some_and(phon::is_vowel);
        let mut bases = vec![surface.to_owned()];
        if vowel_first {
            if let Some(d) = devoiced(surface) {
                bases.push(d);
            }
        }
        bases.into_iter().any(|base| {
            // The plural is never lexicalised: the stem seen bare is
            // evidence enough before it (ғалым-дар).
            let plural = ["лар", "лер", "дар", "дер", "тар", "тер"]
                .iter()
                .any(|p| ending.starts_with(p));
            let endings = nominal_endings(&base);
            // The word seen with an ending of its own that cannot follow
            // this one (желі-де, шілде-ден) is a word of its own.
            // Two of them, as a stem needs two endings above: one form
            // alone is too often another word's (барыс-ы, басыл-ар). The
            // attributive -дағы makes a word that takes endings again
            // (комитетіндегі-лер): no evidence after it.
            let attributive = ending.ends_with("ағы") || ending.ends_with("егі");
            let own_seen = !attributive
                && own
                    .iter()
                    .filter(|x| {
                        forms.contains(&format!("{word}{x}"))
                            && !endings.contains(&format!("{ending}{x}"))
                    })
                    .count()
                    >= 2;
            flags.get(&base).is_some_and(|f| f.contains('n'))
                && (inflections(&base, forms) >= 2 || plural && forms.contains(&base))
                && endings.iter().any(|e| e == ending)
                && !own_seen
        })
    })
}

/// The endings of `word` as a bare nominal stem that show it is one when
/// KazNERD has them after it: its plural, its 3rd-person possessive, and
/// its dative, locative and ablative with the head consonant a bare stem
/// takes, and after a vowel its accusative (-ны). None of them follows a
/// 3rd-person possessive, which takes the n-forms instead (жел-і-нде
/// against желі-де), or a case ending. The genitive and the instrumental
/// follow a possessive unchanged (-ның, -мен), and -ды after a consonant
/// is also a verb's past tense (жолдан-ды): none of these is evidence.
fn own_endings(word: &str) -> Vec<String> {
    let Some(harmony) = phon::harmony(word) else {
        return Vec::new();
    };
    let vowel_final = phon::final_class(word) == phon::VOWEL;
    let mut own = headed(
        word,
        &[
            (phon::DATIVE, "а"),
            (phon::LOCATIVE, "а"),
            (phon::ABLATIVE, "ан"),
            (phon::PLURAL, "ар"),
        ],
    );
    if vowel_final {
        own.push("ны".to_owned());
        own.push("сы".to_owned());
    } else {
        own.push("ы".to_owned());
    }
    if harmony == Harmony::Front {
        for e in &mut own {
            *e = e.chars().map(phon::front_of).collect();
        }
    }
    own
}

/// Builds the lexicon text from the dictionary and KazNERD texts.
pub fn build(dic: &str, kaznerd: &str) -> String {
    let mut flags: BTreeMap<String, String> = BTreeMap::new();
    let add = |flags: &mut BTreeMap<String, String>, word: &str, flag: char| {
        let entry = flags.entry(word.to_owned()).or_default();
        if !entry.contains(flag) {
            entry.push(flag);
        }
    };

    // Hunspell: every entry, then verb stems from the gerunds.
    let entries: Vec<(&str, &str)> = dic
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .map(|line| line.split_once('/').unwrap_or((line, "")))
        .collect();
    // Every entry, lower case: the forms that show a vowel stem.
    let words: HashSet<String> = entries.iter().map(|(w, _)| w.to_lowercase()).collect();
    for &(word, flag_set) in &entries {
        if !is_cyrillic_word(word) && word.chars().count() < 2 {
            continue;
        }
        let lower = word.to_lowercase();
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if flag_set.starts_with('M') {
            for stem in verb_stems(&lower, &words).into_iter().flatten() {
                if stem.chars().count() >= 2 {
                    add(&mut flags, &stem, 'v');
                }
            }
            continue;
        }
        add(&mut flags, &lower, if capital { 'p' } else { 'n' });
    }

    // Causatives the dictionary lists as bare stems with nominal classes
    // (қалдыр, жетілдір): a verb stem with -дыр/-тыр/-ғыз/-қыз is a verb.
    let causatives: Vec<String> = flags
        .iter()
        .filter(|(word, f)| !f.contains('v') && !f.contains('p') && causative_of(word, &flags))
        .map(|(word, _)| word.clone())
        .collect();
    for word in causatives {
        add(&mut flags, &word, 'v');
    }
    // Verbs made from nominals with -ла/-ле that the dictionary lists as
    // nominals (жаула, арала): a nominal of three letters or more with -ла
    // in its harmony.
    let denominals: Vec<String> = flags
        .iter()
        .filter(|(word, f)| !f.contains('v') && !f.contains('p') && denominal_of(word, &flags))
        .map(|(word, _)| word.clone())
        .collect();
    for word in denominals {
        add(&mut flags, &word, 'v');
    }

    // KazNERD.
    let mut freq: HashMap<String, usize> = HashMap::new();
    let mut entity_freq: HashMap<String, usize> = HashMap::new();
    let mut capitals: HashMap<String, usize> = HashMap::new();
    for line in kaznerd.lines() {
        let Some((token, label)) = line.split_once(' ') else {
            continue;
        };
        if !is_cyrillic_word(token) {
            continue;
        }
        let lower = token.to_lowercase();
        *freq.entry(lower.clone()).or_default() += 1;
        let first_upper = token.chars().next().is_some_and(char::is_uppercase);
        let class = label.get(2..).unwrap_or("");
        if first_upper {
            *capitals.entry(lower.clone()).or_default() += 1;
            if label.len() > 2 && !NUMBER_CLASSES.contains(&class) {
                *entity_freq.entry(lower).or_default() += 1;
            }
        }
    }
    let forms: HashSet<String> = freq.keys().cloned().collect();
    let mut known: HashMap<String, usize> = freq.clone();
    for word in flags.keys() {
        known.entry(word.clone()).or_insert(1);
    }
    // Names are checked against names only: Астана is not аста + -на.
    let mut names: HashMap<String, usize> = capitals.clone();
    for (word, f) in &flags {
        if f.contains('p') {
            names.entry(word.clone()).or_insert(1);
        }
    }
    let mut kaznerd_words: Vec<(&String, &usize)> = freq.iter().collect();
    kaznerd_words.sort();
    for (word, &n) in kaznerd_words {
        let in_entities = entity_freq.get(word).copied().unwrap_or(0);
        let capitalised = capitals.get(word).copied().unwrap_or(0);
        if in_entities >= 1 && n >= 2 && !is_inflected(word, &names, true) {
            // A name: mostly capitalised where it occurs; a surname in a
            // case gives its stem.
            if capitalised * 2 >= n {
                add(&mut flags, surname_in_case(word).unwrap_or(word), 'p');
            }
            continue;
        }
        if n >= 3
            && capitalised * 2 < n
            && !flags.contains_key(word)
            && !is_inflected(word, &known, false)
            && inflections(word, &forms) >= 2
        {
            add(&mut flags, word, 'n');
        }
    }

    // Lexicalised forms: a word that looks like a stem plus an ending but
    // makes up nearly all uses of that stem (теңге is not тең + -ге).
    let family = |stem: &str| {
        freq.get(stem).copied().unwrap_or(0)
            + ENDINGS
                .iter()
                .map(|e| freq.get(&format!("{stem}{e}")).copied().unwrap_or(0))
                .sum::<usize>()
    };
    let mut lexicalised = Vec::new();
    for (word, f) in &flags {
        let n = freq.get(word).copied().unwrap_or(0);
        if n < 5 || f.contains('v') {
            continue;
        }
        let splits: Vec<&str> = ENDINGS
            .iter()
            .filter_map(|e| word.strip_suffix(e).filter(|s| harmony_agrees(s, e)))
            .filter(|s| s.chars().count() >= 2 && flags.contains_key(*s))
            .collect();
        let verbal = VERB_ENDINGS
            .iter()
            .chain(["ады", "еді", "атын", "етін", "ды", "ді", "ты", "ті"].iter())
            .any(|e| {
                word.strip_suffix(e).is_some_and(|s| {
                    flags.get(s).is_some_and(|f| f.contains('v'))
                        || ["ыл", "іл", "л", "н", "ын", "ін"].iter().any(|p| {
                            s.strip_suffix(p)
                                .is_some_and(|s| flags.get(s).is_some_and(|f| f.contains('v')))
                        })
                })
            });
        if !verbal
            && !splits.is_empty()
            && splits
                .iter()
                .all(|s| n * 10 >= family(s) * 9 && !flags.get(*s).is_some_and(|f| f.contains('v')))
        {
            lexicalised.push(word.clone());
        }
    }
    for word in lexicalised {
        if let Some(f) = flags.get_mut(&word) {
            f.push('l');
        }
    }

    // Converbs the dictionary lists as nominals (айта, келе) are verb
    // forms: they lose the nominal class, and the entry goes when nothing
    // is left.
    for word in converbs(&flags, kaznerd) {
        if let Some(f) = flags.get_mut(&word) {
            f.retain(|c| c != 'n');
            if f.is_empty() {
                flags.remove(&word);
            }
        }
    }
    // Verbs the dictionary lists as bare nominal stems (күшей, қайт),
    // shown by KazNERD's forms with endings only verbs take.
    let lower_forms: HashSet<&str> = kaznerd
        .lines()
        .filter_map(|line| line.split_once(' ').map(|(t, _)| t))
        .filter(|t| !t.chars().any(char::is_uppercase))
        .collect();
    for word in verbs_shown_by_endings(&flags, &lower_forms, &known) {
        if let Some(f) = flags.get_mut(&word) {
            f.push('v');
        }
    }

    // Inflected forms the dictionary lists as nominals (өмірі, басы):
    // another nominal entry with a regular ending. They go, and the
    // analyser strips the ending.
    let inflected: Vec<String> = flags
        .iter()
        .filter(|(word, f)| f.as_str() == "n" && inflected_entry(word, &flags, &forms))
        .map(|(word, _)| word.clone())
        .collect();
    for word in inflected {
        flags.remove(&word);
    }

    let mut out = String::new();
    out.push_str(
        "# @generated by tools/genmorph (cargo run -p kazakh-genmorph); do not edit.\n\
         # Stems of the Kazakh morphological analyzer: stem<TAB>flags, flags n nominal,\n\
         # v verb, p proper noun, l lexicalised form; then log2(1 + KazNERD count) in hex, and for\n\
         # some verbs the same of their uses with verb endings alone. Derived from hunspell-kk (GPL-2+ or LGPL-2.1+ or\n\
         # MPL-1.1+) and KazNERD (CC BY 4.0); see LEXICON-NOTICE.md beside this file.\n",
    );
    for (word, f) in &flags {
        let mut sorted: Vec<char> = f.chars().collect();
        sorted.sort_unstable();
        let f: String = sorted.into_iter().collect();
        // How often the stem is seen in KazNERD, bare or with an ending:
        // ⌊log2(1 + count)⌋, capped at 15.
        let verbal: usize = if f.contains('v') {
            VERB_ENDINGS
                .iter()
                .filter(|e| harmony_agrees(word, e))
                .map(|e| freq.get(&format!("{word}{e}")).copied().unwrap_or(0))
                .sum()
        } else {
            0
        };
        // A two-letter stem meets many endings by chance: forms that are
        // entries of their own (орын, ақын beside ор, ақ) are not its uses.
        let own = if word.chars().count() == 2 {
            family(word)
                - ENDINGS
                    .iter()
                    .map(|e| format!("{word}{e}"))
                    .filter(|form| flags.contains_key(form))
                    .map(|form| freq.get(&form).copied().unwrap_or(0))
                    .sum::<usize>()
        } else {
            family(word)
        };
        let count = own.max(verbal);
        let bucket = (usize::BITS - (count + 1).leading_zeros() - 1).min(15);
        // A verb's own bucket, from its verb endings alone, when it differs:
        // жас 'young' is common, the verb жас rare beside жаса.
        let verb_bucket = (usize::BITS - (verbal + 1).leading_zeros() - 1).min(15);
        if f.contains('v') && verb_bucket != bucket {
            let _ = writeln!(out, "{word}\t{f}\t{bucket:x}\t{verb_bucket:x}");
        } else {
            let _ = writeln!(out, "{word}\t{f}\t{bucket:x}");
        }
    }
    out
}

/// Reads the sources and renders the lexicon, or says which source is
/// missing.
pub fn render() -> Result<String, String> {
    let dic_path = hunspell_path();
    let dic = std::fs::read_to_string(&dic_path).map_err(|e| {
        format!(
            "cannot read {} ({e}); install Debian's hunspell-kk or set KAZAKH_HUNSPELL_DIC",
            dic_path.display()
        )
    })?;
    let ner_path = kaznerd_path();
    let kaznerd = std::fs::read_to_string(&ner_path)
        .map_err(|e| format!("cannot read {} ({e})", ner_path.display()))?;
    Ok(build(&dic, &kaznerd))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_in_lexicon_is_up_to_date() {
        let fresh = match render() {
            Ok(text) => text,
            Err(why) => {
                // Without its sources the test cannot check anything: it
                // says why it skips, and fails under CI=true, where a skip
                // would pass silently.
                if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
                    panic!(
                        "the lexicon cannot be regenerated: {why}; CI=true requires \
                         hunspell-kk and ../shared/data (a skip would pass silently)"
                    );
                }
                println!("skipped: {why} (under CI=true this fails)");
                return;
            }
        };
        let path = workspace_root().join(LEXICON_PATH);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if on_disk != fresh {
            let line = on_disk
                .lines()
                .zip(fresh.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| on_disk.lines().count().min(fresh.lines().count()));
            panic!(
                "{LEXICON_PATH} is out of date (first difference at line {}); \
                 rerun `cargo run -p kazakh-genmorph` from the workspace root",
                line + 1
            );
        }
    }

    /// One row per rule of `verb_stems`.
    #[test]
    fn verb_stems_of_gerunds() {
        let words: HashSet<String> = ["даму", "дамыту", "қамту", "қамтиды", "қарау", "қараю"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for (gerund, stems) in [
            ("шығу", [Some("шық"), None]),
            ("табу", [Some("тап"), None]),
            ("оқу", [Some("оқы"), None]),
            ("тебу", [Some("теп"), None]),
            ("кету", [Some("кет"), None]),
            ("қою", [Some("қой"), None]),
            ("кию", [Some("ки"), None]),
            ("аю", [None, None]),
            ("қараю", [None, None]),
            ("даму", [Some("дам"), Some("дамы")]),
            ("қамту", [Some("қамт"), Some("қамты")]),
            ("абайлау", [Some("абайла"), None]),
            ("кітап", [None, None]),
        ] {
            let expected = stems.map(|s| s.map(str::to_owned));
            assert_eq!(verb_stems(gerund, &words), expected, "{gerund}");
        }
    }

    /// One row per rule of `causative_of`.
    #[test]
    fn causatives_of_verb_stems() {
        let flags: BTreeMap<String, String> =
            [("қал", "v"), ("жетіл", "nv"), ("ба", "v"), ("кел", "n")]
                .iter()
                .map(|(w, f)| (w.to_string(), f.to_string()))
                .collect();
        for (word, expected) in [
            ("қалдыр", true),
            ("жетілдір", true),
            ("қалдір", false),
            ("батыр", false),
            ("келтір", false),
            ("қала", false),
        ] {
            assert_eq!(causative_of(word, &flags), expected, "{word}");
        }
    }

    /// One row per rule of `denominal_of`.
    #[test]
    fn denominals_of_nominals() {
        let flags: BTreeMap<String, String> = [("маза", "n"), ("ашыл", "nv"), ("са", "n")]
            .iter()
            .map(|(w, f)| (w.to_string(), f.to_string()))
            .collect();
        for (word, expected) in [
            ("мазала", true),
            ("мазале", false),
            ("ашыла", false),
            ("сала", false),
        ] {
            assert_eq!(denominal_of(word, &flags), expected, "{word}");
        }
    }

    /// One row per rule of `converb_of` and `is_auxiliary`, and the
    /// KazNERD evidence of `converbs`.
    #[test]
    fn converbs_before_auxiliaries() {
        let flags: BTreeMap<String, String> = [
            ("айт", "v"),
            ("айта", "n"),
            ("тап", "nv"),
            ("таба", "n"),
            ("жаса", "nv"),
            ("жасай", "n"),
            ("өт", "v"),
            ("өте", "n"),
            ("кел", "v"),
            ("кела", "n"),
        ]
        .iter()
        .map(|(w, f)| (w.to_string(), f.to_string()))
        .collect();
        for (word, expected) in [
            ("айта", true),
            ("таба", true),
            ("жасай", true),
            ("өте", true),
            ("кела", false),
            ("айтқа", false),
        ] {
            assert_eq!(converb_of(word, &flags), expected, "{word}");
        }
        for (token, expected) in [
            ("кетейік", true),
            ("жатқан", true),
            ("алмайды", true),
            ("алтын", false),
            ("кеткен", true),
            ("кетті", true),
            ("баста", true),
            ("түспек", true),
        ] {
            assert_eq!(is_auxiliary(token), expected, "{token}");
        }
        // айта is twice before an auxiliary in three uses; өте once in four.
        let ner = "айта O\nкетейік O\nайта O\nалмаймыз O\nайта O\n. O\n\
                   өте O\nжақсы O\nөте O\nкетті O\nөте O\nкөп O\nөте O\nбай O\n";
        assert_eq!(converbs(&flags, ner), ["айта"]);
    }

    /// One row per rule of `verbs_shown_by_endings`.
    #[test]
    fn verbs_shown_by_verb_only_endings() {
        let flags: BTreeMap<String, String> = [
            ("күшей", "n"),
            ("қайт", "n"),
            ("тәрт", "n"),
            ("тәртіп", "n"),
            ("тәртіпті", "n"),
            ("келі", "n"),
            ("кел", "v"),
            ("жаса", "v"),
            ("жасама", "n"),
            ("ал", "v"),
            ("алын", "n"),
            ("кітап", "n"),
        ]
        .iter()
        .map(|(w, f)| (w.to_string(), f.to_string()))
        .collect();
        let forms: HashSet<&str> = [
            "күшейіп",
            "күшейген",
            "қайтып",
            "қайтқан",
            "тәртіп",
            "тәртіпті",
            "келіп",
            "келіпті",
            "жасамайды",
            "жасамаған",
            "алынып",
            "алынған",
            "кітаптың",
            "кітапты",
        ]
        .into_iter()
        .collect();
        let known: HashMap<String, usize> = flags.keys().map(|w| (w.clone(), 1)).collect();
        assert_eq!(
            verbs_shown_by_endings(&flags, &forms, &known),
            ["күшей", "қайт"]
        );
        assert_eq!(verb_only_endings("күшей")[..2], ["іп", "еді"]);
        assert_eq!(verb_only_endings("өркенде")[..2], ["п", "йді"]);
        assert!(verb_only_endings("қайт").contains(&"қан".to_owned()));
        assert!(!verb_only_endings("қайт").contains(&"ған".to_owned()));
    }

    /// One row per case and name suffix of `surname_in_case`, and forms
    /// that stay whole.
    #[test]
    fn surnames_in_a_case() {
        for (word, stem) in [
            ("жақыпованың", Some("жақыпова")),
            ("назарбаевтың", Some("назарбаев")),
            ("тоқаевқа", Some("тоқаев")),
            ("ростовқа", Some("ростов")),
            ("киевке", Some("киев")),
            ("мишустиннің", Some("мишустин")),
            ("свиридовпен", Some("свиридов")),
            ("оспанованы", Some("оспанова")),
            ("ахметовада", Some("ахметова")),
            ("ахметовтан", Some("ахметов")),
            ("құнанбайұлының", Some("құнанбайұлы")),
            ("сейітқызына", None),
            ("сейітқызыға", Some("сейітқызы")),
            ("зеленскийдің", Some("зеленский")),
            ("ахметованың", Some("ахметова")),
            // Not the case the stem's sound calls for, or no case at all.
            ("петровна", None),
            ("ивановка", None),
            ("ахметовның", None),
            ("ивановтің", None),
            // A root too short to be a surname's.
            ("ловқа", None),
            ("астана", None),
            ("алматы", None),
        ] {
            assert_eq!(surname_in_case(word), stem, "{word}");
        }
    }

    /// One row per rule of `nominal_endings` and `inflected_entry`.
    #[test]
    fn inflected_entries() {
        for (stem, ending, expected) in [
            ("ғалым", "дар", true),
            ("ғалым", "лар", false),
            ("өмір", "і", true),
            ("өмір", "сі", false),
            ("бала", "сы", true),
            ("бала", "сының", true),
            ("бала", "ларының", true),
            ("кітап", "тан", true),
            ("мектеп", "пен", true),
            ("мектеп", "тер", true),
            ("ерекшелік", "тер", true),
            ("кел", "ін", false),
            ("бала", "сын", true),
        ] {
            assert_eq!(
                nominal_endings(stem).contains(&ending.to_owned()),
                expected,
                "{stem} + {ending}"
            );
        }
        let flags: BTreeMap<String, String> = [
            ("өмір", "n"),
            ("өмірі", "n"),
            ("бөлік", "n"),
            ("бөлігі", "n"),
            ("ақ", "n"),
            ("ақын", "n"),
            ("қар", "n"),
            ("қарын", "n"),
            ("теңге", "ln"),
            ("тең", "n"),
            ("жарқ", "n"),
            ("жарғы", "n"),
            ("ғалым", "n"),
            ("ғалымдар", "n"),
            ("ғалымы", "n"),
            ("жел", "n"),
            ("желі", "n"),
            ("шіл", "n"),
            ("шілде", "n"),
            ("бала", "n"),
            ("баласы", "n"),
            ("комитет", "n"),
            ("комитетіндегі", "n"),
        ]
        .iter()
        .map(|(w, f)| (w.to_string(), f.to_string()))
        .collect();
        let forms: HashSet<String> = [
            "ғалым",
            "өмірдің",
            "өмірге",
            "бөліктің",
            "бөлікке",
            "қарға",
            "қардың",
            // жел with two endings; желі with two of its own (-де, -лер).
            "желдің",
            "желге",
            "желіде",
            "желілер",
            // шіл with two endings; шілде with one of its own (-ден) and
            // the genitive, which is no evidence.
            "шілдің",
            "шілге",
            "шілдеден",
            "шілденің",
            // баласы: -на and -нда follow a possessive (бала-сы-на).
            "баланың",
            "балаға",
            "баласына",
            "баласында",
            // -лер and -ге after the attributive -дегі are no evidence.
            "комитеттің",
            "комитетке",
            "комитетіндегілер",
            "комитетіндегіге",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for (word, expected) in [
            ("өмірі", true),
            ("бөлігі", true),
            ("ақын", false),
            ("қарын", false),
            ("жарғы", false),
            ("ғалымдар", true),
            ("ғалымы", false),
            ("желі", false),
            ("шілде", true),
            ("баласы", true),
            ("комитетіндегі", true),
        ] {
            assert_eq!(inflected_entry(word, &flags, &forms), expected, "{word}");
        }
    }

    /// A two-letter stem's bucket leaves out forms that are entries of
    /// their own (орын beside ор); a longer stem's keeps them.
    #[test]
    fn two_letter_buckets() {
        let dic = "4\nор/ABb\nорын/ABb\nзаң/ABb\nзаңы/ABb\n";
        let ner = "орын O\nорын O\nорын O\nзаңы O\nзаңы O\nзаңы O\n";
        let text = build(dic, ner);
        let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(lines, ["заң\tn\t2", "заңы\tn\t2", "ор\tn\t0", "орын\tn\t2"]);
    }

    /// A verb stem's own bucket, from its verb endings, is written when it
    /// differs from the bucket of all its uses.
    #[test]
    fn verb_buckets() {
        let dic = "3\nжас/ABb\nжасу/Mm\nжасау/Mm\n";
        let ner = "жас O\nжас O\nжас O\nжас O\nжас O\nжас O\nжас O\n\
                   жасады O\nжасады O\nжасады O\n";
        let text = build(dic, ner);
        let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(lines, ["жас\tnv\t3\t2", "жаса\tv\t2"]);
    }

    #[test]
    fn small_sources() {
        let dic = "3\nкітап/ABb\nшығу/Mm\nоқы/ABb\nАбай/Bb\n";
        let ner = "Абайдың B-PERSON\nАбай B-PERSON\nАбай B-PERSON\nөңір O\nөңір O\nөңір O\n\
                   өңірде O\nөңірдің O\n";
        let text = build(dic, ner);
        let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            lines,
            [
                "абай\tp\t2",
                "кітап\tn\t0",
                "оқы\tn\t0",
                "шық\tv\t0",
                "өңір\tn\t2"
            ]
        );
    }
}
