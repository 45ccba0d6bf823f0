//! Kazakh morphology: suffix analysis, lemmas and case endings.
//!
//! Kazakh words are a stem followed by a chain of suffixes whose vowels
//! follow the stem (vowel harmony: кітап-тар, мектеп-тер) and whose first
//! consonant follows the stem's last sound (адам-ның, жол-дың, кітап-тың).
//! [`analyze`] strips suffix chains from the right — case, possessive and
//! plural for nominals; tense, person, participles, converbs, negation and
//! the passive for verbs — undoes the alternations at the stem edge
//! (кітабы → кітап, жүрегі → жүрек, орны → орын) and ranks the readings
//! with a lexicon of stems (hunspell-kk and KazNERD; see `DESIGN.md`).
//!
//! | function | gives |
//! |---|---|
//! | [`analyze`] | ranked [`Analysis`] values: stem, lemma, [`Suffix`] chain, confidence |
//! | [`lemma`] | the dictionary form, as UD Kazakh writes it; borrowed when no change is needed |
//! | [`split_case`] | where the case ending starts, and the case: a cheap feature for taggers |
//!
//! ```
//! use kazakh::morph::{self, Case};
//!
//! assert_eq!(morph::lemma("өңірдегі"), "өңір");
//! assert_eq!(morph::lemma("Қазақстанның"), "Қазақстан");
//! assert_eq!(morph::lemma("кітабы"), "кітап");
//! assert_eq!(morph::lemma("215-інің"), "215");
//! assert_eq!(morph::split_case("Семейде"), (10, Case::Locative));
//! ```
//!
//! No function here panics on any `&str`; stems are always prefixes of the
//! word ending on a char boundary. The citation forms of entity names are
//! NER's ([`crate::ner::nominative`]).

mod closed;
mod engine;
mod lexicon;
mod lexindex;
mod memo;
mod phon;
mod tables;

pub(crate) use tables::CASE_ENDINGS;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

/// Grammatical case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Case {
    /// No ending: атау септік.
    Nominative,
    /// -ның/-нің/-дың/-дің/-тың/-тің.
    Genitive,
    /// -ға/-ге/-қа/-ке, -на/-не after a possessive, -а/-е after -м, -ң.
    Dative,
    /// -ны/-ні/-ды/-ді/-ты/-ті, -н after a possessive.
    Accusative,
    /// -да/-де/-та/-те, -нда/-нде after a possessive (also -дағы, which
    /// UD Kazakh marks Case=Loc).
    Locative,
    /// -дан/-ден/-нан/-нен/-тан/-тен.
    Ablative,
    /// -мен/-бен/-пен (-менен).
    Instrumental,
}

impl Case {
    /// The UD feature value: `Nom`, `Gen`, `Dat`, `Acc`, `Loc`, `Abl`, `Ins`.
    pub fn ud(self) -> &'static str {
        match self {
            Case::Nominative => "Nom",
            Case::Genitive => "Gen",
            Case::Dative => "Dat",
            Case::Accusative => "Acc",
            Case::Locative => "Loc",
            Case::Ablative => "Abl",
            Case::Instrumental => "Ins",
        }
    }
}

/// Person of a possessive ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Person {
    /// 1st person: -(ы)м, -(ы)мыз.
    First,
    /// 2nd person familiar: -(ы)ң, -(ы)ңдар.
    Second,
    /// 2nd person polite: -(ы)ңыз, -(ы)ңыздар.
    SecondPolite,
    /// 3rd person, any possessor: -(с)ы.
    Third,
}

/// Number of a possessor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Number {
    /// One possessor (3rd person: any).
    Singular,
    /// Several possessors.
    Plural,
}

/// A coarse class of verb endings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VerbForm {
    /// Passive voice -ыл/-іл/-л/-н (UD lemmas drop it: жоспарланып → жоспарла).
    Passive,
    /// Negation -ма/-ме/-ба/-бе/-па/-пе.
    Negative,
    /// Past tense -ды/-ді/-ты/-ті, -ыпты (with its personal ending).
    Past,
    /// Present tense -а/-е/-й with a personal ending (-ады, -йды, -амын).
    Present,
    /// Future or aorist -ар/-р, -мақ, -мас.
    Future,
    /// Participles -ған/-ген/-қан/-кен, -атын/-йтын (and -ғандық).
    Participle,
    /// Converbs -ып/-іп/-п, -а/-е/-й, -ғалы, -май.
    Converb,
    /// The verbal noun -у.
    Gerund,
    /// The desiderative -ғы with a possessive (айтқым, айтқысы келеді).
    Desiderative,
    /// Conditional -са/-се (with its personal ending).
    Conditional,
    /// Imperative and optative (-сын, -айын, -айық, -ыңыз, -шы).
    Imperative,
}

/// What a suffix means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Morpheme {
    /// Plural -лар/-лер/-дар/-дер/-тар/-тер.
    Plural,
    /// A possessive ending.
    Possessive {
        /// Person of the possessor.
        person: Person,
        /// Number of the possessor.
        number: Number,
    },
    /// A case ending.
    Case(Case),
    /// -дағы/-дегі/-тағы/-тегі (-ндағы after a possessive): 'which is in'
    /// (UD: Case=Loc).
    Attributive,
    /// -ғы/-гі/-қы/-кі on adverbs of time and place (биылғы → биыл).
    Temporal,
    /// Similative -дай/-дей/-тай/-тей (-ндай after a 3rd-person
    /// possessive): 'like' (келіндей → келін, айтқанындай → айт).
    Similative,
    /// Ordinal -ыншы/-інші/-ншы/-нші (бесінші → бес).
    Ordinal,
    /// Derivation -лық/-лік/-дық/-дік/-тық/-тік (abstract noun or
    /// adjective). The lemma keeps it.
    Abstract,
    /// Derivation -шы/-ші (agent noun). The lemma keeps it.
    Agent,
    /// A verb ending.
    Verbal(VerbForm),
}

/// Part of speech as far as morphology can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Pos {
    /// A declinable word: noun, adjective, pronoun, numeral.
    Nominal,
    /// A proper noun (its lemma keeps its capital).
    Proper,
    /// A verb (its lemma is the bare stem).
    Verb,
    /// A number written in digits, or digits with `%`.
    Number,
    /// A function word, or anything else left whole.
    Other,
}

/// One suffix of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suffix<'a> {
    /// The suffix as written in the word (a slice of it).
    pub text: &'a str,
    /// Its meaning.
    pub morpheme: Morpheme,
}

/// One reading of a word.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis<'a> {
    /// The stem as written in the word: a prefix of it, ending on a char
    /// boundary (`кітаб` in `кітабы`).
    pub stem: &'a str,
    /// The dictionary form (`кітап`), following UD Kazakh conventions.
    pub lemma: Cow<'a, str>,
    /// Part of speech of the lemma.
    pub pos: Pos,
    /// The suffixes after the stem, left to right; together with `stem`
    /// they spell the word, or, for a multiword token (`пайда болды да`),
    /// the words up to its head's end (the auxiliaries and particles after
    /// the head are not analysed).
    pub suffixes: Vec<Suffix<'a>>,
    /// A rough probability that this reading is right, in `0.0..=1.0`.
    pub confidence: f32,
}

impl Analysis<'_> {
    /// The case of the word: the last case ending, or
    /// [`Case::Nominative`] when there is none.
    pub fn case(&self) -> Case {
        self.suffixes
            .iter()
            .rev()
            .find_map(|s| match s.morpheme {
                Morpheme::Case(c) => Some(c),
                Morpheme::Attributive => Some(Case::Locative),
                _ => None,
            })
            .unwrap_or(Case::Nominative)
    }
}

/// Readings of `word`, best first (at least one: a word that cannot be
/// analysed is its own stem with no suffixes).
///
/// ```
/// use kazakh::morph::{analyze, Case, Morpheme, Number, Person};
///
/// let best = &analyze("облысының")[0];
/// assert_eq!(best.lemma, "облыс");
/// assert_eq!(best.stem, "облыс");
/// let meanings: Vec<Morpheme> = best.suffixes.iter().map(|s| s.morpheme).collect();
/// assert_eq!(
///     meanings,
///     [
///         Morpheme::Possessive { person: Person::Third, number: Number::Singular },
///         Morpheme::Case(Case::Genitive),
///     ]
/// );
/// // Unknown foreign words stay whole.
/// assert_eq!(analyze("Wikipedia")[0].lemma, "Wikipedia");
/// ```
pub fn analyze(word: &str) -> Vec<Analysis<'_>> {
    engine::analyze(word)
}

/// The dictionary form of `word`, as UD Kazakh writes lemmas: nouns and
/// adjectives without case, possessive and plural endings, lower case
/// except proper nouns; verbs as their bare stem without the passive
/// (болады → бол, жоспарланып → жоспарла); digits without a hyphenated
/// ending (55-ші → 55). Borrowed from `word` when the lemma is a prefix of
/// it; allocates only when letters change (кітабы → кітап, Мектеп →
/// мектеп).
///
/// ```
/// use std::borrow::Cow;
/// use kazakh::morph::lemma;
///
/// assert_eq!(lemma("конкурсы"), "конкурс");
/// assert_eq!(lemma("Еуровидениенің"), "Еуровидение");
/// assert_eq!(lemma("өңірдегі"), "өңір");
/// assert_eq!(lemma("болады"), "бол");
/// assert_eq!(lemma("ҚР-ның"), "ҚР");
/// assert!(matches!(lemma("өңір"), Cow::Borrowed(_)));
/// ```
pub fn lemma(word: &str) -> Cow<'_, str> {
    engine::lemma(word)
}

/// Words after a verbal noun that make it the verb's infinitive: `керек`,
/// `қажет`, `тиіс` (must), `мүмкін` (may), `үшін` (in order to).
const INFINITIVE_AFTER: [&str; 5] = ["керек", "қажет", "тиіс", "мүмкін", "үшін"];

/// The lemma of `words[i]` in its sentence. As [`lemma`], except for the
/// bare verbal noun in -у, which alone is read as an action noun (`даму`,
/// `зерттеу`) but is the verb's infinitive, lemmatized as the verb's stem,
/// where its sentence shows it: before a word of necessity, possibility or
/// purpose (`сақтау керек` → сақта, `табу үшін` → тап), or after a noun
/// in the accusative, its direct object (`жұмысты жүргізу` → жүргіз).
/// An index out of range gives an empty lemma.
///
/// ```
/// use kazakh::morph::{lemma, lemma_in_context};
///
/// assert_eq!(lemma("сақтау"), "сақтау");
/// let words = ["Табиғатты", "сақтау", "керек", "."];
/// assert_eq!(lemma_in_context(&words, 1), "сақта");
/// assert_eq!(lemma_in_context(&words, 0), "табиғат");
/// assert_eq!(lemma_in_context(&["даму", "бағдарламасы"], 0), "даму");
/// ```
pub fn lemma_in_context<'w>(words: &[&'w str], i: usize) -> Cow<'w, str> {
    let Some(&word) = words.get(i) else {
        return Cow::Borrowed("");
    };
    let own = lemma(word);
    if own.len() != word.len() || !word.ends_with('у') {
        return own;
    }
    let next_is = |w: &str| {
        words
            .get(i + 1)
            .is_some_and(|n| n.len() == w.len() && crate::letters::eq_ci(n, w))
    };
    let object_before = i
        .checked_sub(1)
        .and_then(|k| words.get(k))
        .is_some_and(|w| split_case(w).1 == Case::Accusative);
    if !(INFINITIVE_AFTER.iter().any(|w| next_is(w)) || object_before) {
        return own;
    }
    match engine::gerund_verb(word) {
        Some(verb) => Cow::Owned(verb),
        None => own,
    }
}

/// Where the case ending of `word` starts (a byte offset on a char
/// boundary, `word.len()` when there is none) and which case it is, from
/// the best reading. Possessive and plural endings stay before the offset:
/// `облысының` → (`облысы`.len(), Genitive). Cheap enough to call per token
/// for tagger features; for verbs it gives `(word.len(), Nominative)`.
///
/// ```
/// use kazakh::morph::{split_case, Case};
///
/// assert_eq!(split_case("Тоқаевқа"), ("Тоқаев".len(), Case::Dative));
/// assert_eq!(split_case("партиясынан"), ("партиясы".len(), Case::Ablative));
/// assert_eq!(split_case("кітап"), ("кітап".len(), Case::Nominative));
/// ```
pub fn split_case(word: &str) -> (usize, Case) {
    engine::split_case(word)
}

/// Number of stems in the built-in lexicon (for diagnostics).
pub fn lexicon_size() -> usize {
    lexicon::len()
}

/// [`split_case`] and [`lemma`] of a word at once, with one analysis where
/// each alone would run one (for callers that cache per word themselves).
pub(crate) fn split_and_lemma(word: &str) -> ((usize, Case), Cow<'_, str>) {
    engine::split_and_lemma(word)
}

/// Whether `stem` ends in a voiceless consonant, after which a suffix
/// begins with a voiceless one too (`кешке`, `кешкі`; `жылға`, `жылғы`).
pub(crate) fn ends_voiceless(stem: &str) -> bool {
    phon::final_class(stem) == phon::VOICELESS
}

/// What picks the form of a suffix written after `stem`: its harmony (0
/// when the letters leave it open, 1 back, 2 front) and the class of its
/// last sound (the bits of `phon::final_class`), read on the lower-cased
/// stem. Two stems that agree on both take the same case endings.
#[cfg(feature = "train")]
pub(crate) fn suffix_class(stem: &str) -> (u8, u8) {
    let lower = crate::letters::fold_lower(stem);
    let harmony = match phon::harmony(&lower) {
        None => 0,
        Some(phon::Harmony::Back) => 1,
        Some(phon::Harmony::Front) => 2,
    };
    (harmony, phon::final_class(&lower))
}

/// The word classes the lexicon gives a lower-case stem, as bits
/// (nominal 1, verb 2, lexicalised 16); proper-noun marks are left out.
/// 0 when the stem is not in the lexicon.
pub(crate) fn common_class(stem: &str) -> u8 {
    lexicon::entry(stem.as_bytes()).flags
        & (lexicon::NOMINAL | lexicon::VERB | lexicon::LEXICALISED)
}
