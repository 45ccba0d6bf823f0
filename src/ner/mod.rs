//! Named entities: people, places and organizations in Kazakh news.
//!
//! A [`Recognizer`] tags each sentence with an averaged structured
//! perceptron over hashed features (the word, its affixes and shape, its
//! stem and case ending from [`crate::morph`], gazetteer hits, the same for
//! its neighbours) and decodes the best IOB2 label sequence with Viterbi.
//! The default recognizer uses the model trained on KazNERD that ships in
//! the crate (cargo feature `embedded-model`, on by default); load your own
//! with [`Model::from_bytes`] or [`Model::from_reader`], or train one with
//! the `train` feature.
//!
//! ```
//! use kazakh::ner::{Label, Recognizer};
//! let recognizer = Recognizer::default();
//! let text = "Қасым-Жомарт Тоқаев Ақтөбе облысына барды.";
//! for e in recognizer.recognize(text) {
//!     assert_eq!(&text[e.span().range()], e.text());
//!     assert!(matches!(e.label(), Label::Person | Label::Location | Label::Organization));
//! }
//! ```

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

mod cluster_table;
mod decode;
mod features;
pub(crate) mod gazetteer;
pub mod iob;
mod model;
mod names;
mod numbers;
#[cfg(feature = "train")]
mod swap;
mod temporal;
#[cfg(feature = "train")]
mod train;

pub use model::{Model, FEATURE_SET};
pub use names::nominative;
#[cfg(feature = "train")]
pub use train::{
    best_bias, Trainer, BIAS_CANDIDATES, DEFAULT_BIASES, DEFAULT_END_LABELS, DEFAULT_MERGES,
    DEFAULT_NAME_SWAP, DEFAULT_TYPES, DEFAULT_WORD_DROPOUT,
};

#[cfg(feature = "embedded-model")]
use crate::error::Error;
use crate::morph::Case;
use crate::span::Span;
use decode::Decoder;
use features::{Extractor, RawTokens};
use gazetteer::GazHit;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Label {
    /// A person (KazNERD `PERSON`).
    Person,
    /// A place: a country, region, city or district (KazNERD `GPE`) or a
    /// natural or geographic location (KazNERD `LOCATION`).
    Location,
    /// An organization (KazNERD `ORGANISATION`).
    Organization,
}

impl Label {
    /// The short name: `PER`, `LOC` or `ORG`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PER",
            Label::Location => "LOC",
            Label::Organization => "ORG",
        }
    }

    /// The label of a model's or corpus's entity type: `PERSON`/`PER`,
    /// `GPE`/`LOCATION`/`LOC`, `ORGANISATION`/`ORGANIZATION`/`ORG`; `None`
    /// for other types (numbers, dates, events, …).
    ///
    /// ```
    /// use kazakh::ner::Label;
    /// assert_eq!(Label::from_type("GPE"), Some(Label::Location));
    /// assert_eq!(Label::from_type("MONEY"), None);
    /// ```
    pub fn from_type(kind: &str) -> Option<Label> {
        match kind {
            "PERSON" | "PER" => Some(Label::Person),
            "GPE" | "LOCATION" | "LOC" => Some(Label::Location),
            "ORGANISATION" | "ORGANIZATION" | "ORG" => Some(Label::Organization),
            _ => None,
        }
    }

    /// The IOB2 labels `B-X` and `I-X` of this label.
    fn iob2(self) -> (&'static str, &'static str) {
        match self {
            Label::Person => ("B-PER", "I-PER"),
            Label::Location => ("B-LOC", "I-LOC"),
            Label::Organization => ("B-ORG", "I-ORG"),
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named entity found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity<'a> {
    span: Span,
    text: Cow<'a, str>,
    label: Label,
    lemma: String,
    score: f32,
    tokens: Range<usize>,
}

impl<'a> Entity<'a> {
    /// Byte offsets: into the text given to [`Recognizer::recognize`], or
    /// into the tokens joined by single spaces for
    /// [`Recognizer::recognize_tokens`].
    pub fn span(&self) -> Span {
        self.span
    }

    /// The entity as written, case endings included (`Ақтөбе облысының`).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Person, location or organization.
    pub fn label(&self) -> Label {
        self.label
    }

    /// The name in nominative form (`Ақтөбе облысы`), by
    /// [`nominative`].
    pub fn lemma(&self) -> &str {
        &self.lemma
    }

    /// The tagger's confidence, in 0..=1: the mean over the entity's
    /// tokens of the probability of their label given the previous one.
    pub fn score(&self) -> f32 {
        self.score
    }

    /// Indices of the entity's tokens (in the whole text's token sequence
    /// for [`Recognizer::recognize`]).
    pub fn tokens(&self) -> Range<usize> {
        self.tokens.clone()
    }
}

#[cfg(feature = "embedded-model")]
static EMBEDDED: LazyLock<Result<Arc<Model>, Error>> = LazyLock::new(|| {
    Model::from_embedded(include_bytes!("../../models/ner-kaznerd.kzm")).map(Arc::new)
});

/// A model that tags every token `O`: the fallback when no model is
/// available.
static EMPTY: LazyLock<Arc<Model>> = LazyLock::new(|| {
    Arc::new(Model::assemble(
        vec!["O".to_owned()],
        1,
        1.0,
        vec![0.0; 2],
        vec![0; 2],
    ))
});

/// The entity recognizer: a model and the code that applies it. Cheap to
/// clone (the model is shared); `Send` and `Sync`, so one recognizer can
/// serve many threads.
#[derive(Clone, Debug)]
pub struct Recognizer {
    model: Arc<Model>,
}

impl Default for Recognizer {
    /// The recognizer with the embedded KazNERD model. Without the
    /// `embedded-model` feature it finds nothing; use [`Recognizer::new`].
    fn default() -> Recognizer {
        #[cfg(feature = "embedded-model")]
        if let Ok(model) = &*EMBEDDED {
            return Recognizer {
                model: Arc::clone(model),
            };
        }
        Recognizer {
            model: Arc::clone(&EMPTY),
        }
    }
}

/// Per-call buffers.
#[derive(Default)]
struct Work {
    x: Extractor,
    d: Decoder,
}

thread_local! {
    /// The tagger's buffers, kept between calls on one thread: a corpus of
    /// short documents would otherwise grow them again for each.
    static WORK: RefCell<Work> = RefCell::new(Work::default());
}

/// Runs `f` with this thread's [`WORK`] (a fresh one if it is in use).
fn with_work<R>(f: impl FnOnce(&mut Work) -> R) -> R {
    WORK.with(|cell| match cell.try_borrow_mut() {
        Ok(mut work) => f(&mut work),
        Err(_) => f(&mut Work::default()),
    })
}

/// Tags the sentences of one text one after another, as a caller that
/// has tokenized them hands them over: their tokens by [`push`], then
/// [`tag`] (see [`Recognizer::each_sentence`]).
///
/// [`push`]: SentenceTagger::push
/// [`tag`]: SentenceTagger::tag
pub(crate) struct SentenceTagger<'r, 'a> {
    recognizer: &'r Recognizer,
    text: &'a str,
    entities: bool,
    numbers: bool,
    model_dates: bool,
    tokens: Vec<&'a str>,
    spans: Vec<Span>,
    pieces: Pieces<'a>,
    found_entities: Vec<Entity<'a>>,
    found_numbers: Vec<crate::numbers::NumberMention<'a>>,
    tags: Vec<&'r str>,
    /// Tokens of the text before the current sentence.
    first: usize,
}

impl<'r, 'a> SentenceTagger<'r, 'a> {
    /// A tagger of `text`'s sentences, finding the entities, the number
    /// mentions, or both.
    pub(crate) fn new(
        recognizer: &'r Recognizer,
        text: &'a str,
        entities: bool,
        numbers: bool,
    ) -> Self {
        SentenceTagger {
            recognizer,
            text,
            entities,
            numbers,
            model_dates: recognizer.labels_dates(),
            // Room for most sentences: grown from nothing, these vectors
            // were copied some six times a document.
            tokens: Vec::with_capacity(SENTENCE_CAPACITY),
            spans: Vec::with_capacity(SENTENCE_CAPACITY),
            pieces: Pieces {
                words: Vec::with_capacity(SENTENCE_CAPACITY),
                origin: Vec::with_capacity(SENTENCE_CAPACITY),
                glued: Vec::with_capacity(SENTENCE_CAPACITY),
            },
            found_entities: Vec::new(),
            found_numbers: Vec::new(),
            tags: Vec::new(),
            first: 0,
        }
    }

    /// The next token of the current sentence, with its span in the text.
    pub(crate) fn push(&mut self, token: &'a str, span: Span) {
        self.tokens.push(token);
        self.spans.push(span);
    }

    /// Tags the tokens pushed since the last call as one sentence (in
    /// windows of at most [`MAX_WINDOW_TOKENS`]) and hands each window's
    /// entities and number mentions to `sink`, which takes them out of the
    /// vectors.
    pub(crate) fn tag(
        &mut self,
        sink: &mut impl FnMut(&mut Vec<Entity<'a>>, &mut Vec<crate::numbers::NumberMention<'a>>),
    ) {
        let r = self.recognizer;
        let text = self.text;
        with_work(|work| {
            for (start, window) in windows(&self.tokens) {
                let spans = &self.spans[start..start + window.len()];
                self.pieces.split(window);
                self.pieces.glue(spans);
                let raw = RawTokens {
                    tokens: window,
                    glued: &self.pieces.glued,
                    origin: &self.pieces.origin,
                };
                r.run_raw(&self.pieces.words, Some(raw), work);
                if self.entities {
                    let place = |range: Range<usize>| {
                        let span = Span::new(spans[range.start].start, spans[range.end - 1].end);
                        (span, Cow::Borrowed(text.get(span.range()).unwrap_or("")))
                    };
                    r.entities_of(
                        window,
                        &self.pieces,
                        work,
                        self.first,
                        place,
                        &mut self.found_entities,
                    );
                }
                if self.numbers {
                    self.tags.clear();
                    self.tags.extend(work.d.best.iter().map(|&l| r.label(l)));
                    r.words_as_digits(&self.pieces.words, &work.x.rules, &mut self.tags);
                    numbers::merge(
                        text,
                        spans,
                        &self.pieces,
                        &work.x.rules,
                        &self.tags,
                        self.first,
                        self.model_dates,
                        &mut self.found_numbers,
                    );
                }
                sink(&mut self.found_entities, &mut self.found_numbers);
                self.found_entities.clear();
                self.found_numbers.clear();
                self.first += window.len();
            }
        });
        self.tokens.clear();
        self.spans.clear();
    }
}

/// The tokens a [`SentenceTagger`]'s vectors have room for at the start.
pub(crate) const SENTENCE_CAPACITY: usize = 64;

/// The words the tagger sees for one sentence's tokens (see
/// [`tagger_pieces`]), and the token each comes from.
#[derive(Default)]
struct Pieces<'t> {
    words: Vec<&'t str>,
    origin: Vec<usize>,
    /// Whether each token was written against the one before in the text
    /// ([`Pieces::glue`]); empty for tokens given without their text.
    glued: Vec<bool>,
}

impl<'t> Pieces<'t> {
    fn split(&mut self, tokens: &[&'t str]) {
        self.words.clear();
        self.origin.clear();
        self.glued.clear();
        for (k, t) in tokens.iter().enumerate() {
            tagger_pieces(t, |piece| {
                self.words.push(piece);
                self.origin.push(k);
            });
        }
    }

    /// Marks the tokens written against the one before, from their byte
    /// spans (`-15...-20`), for the rules' reading of the raw tokens.
    fn glue(&mut self, spans: &[Span]) {
        self.glued.clear();
        self.glued.push(false);
        self.glued
            .extend(spans.windows(2).map(|w| w[0].end == w[1].start));
    }

    /// The tokens a range of pieces covers.
    fn tokens(&self, r: &Range<usize>) -> Range<usize> {
        let after_last = self.origin.last().map_or(0, |&k| k + 1);
        let start = self.origin.get(r.start).copied().unwrap_or(after_last);
        let end = if r.end > r.start {
            self.origin.get(r.end - 1).map_or(start, |&k| k + 1)
        } else {
            start
        };
        start..end
    }
}

impl Recognizer {
    /// A recognizer with your own model.
    pub fn new(model: Model) -> Recognizer {
        Recognizer {
            model: Arc::new(model),
        }
    }

    /// The recognizer with the embedded model, or the error that parsing
    /// it gave.
    #[cfg(feature = "embedded-model")]
    pub fn embedded() -> Result<Recognizer, Error> {
        match &*EMBEDDED {
            Ok(model) => Ok(Recognizer {
                model: Arc::clone(model),
            }),
            Err(e) => Err(e.clone()),
        }
    }

    /// The model in use.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The model's label of index `l`, in IOB2.
    fn label(&self, l: u16) -> &str {
        self.model
            .iob
            .get(usize::from(l))
            .map_or("O", String::as_str)
    }

    /// Tags one sentence into `work`.
    fn run(&self, tokens: &[&str], work: &mut Work) {
        self.run_raw(tokens, None, work);
    }

    /// [`Recognizer::run`] for the words of raw text, whose rule mentions
    /// are read from its own tokens (see `Extractor::extract_raw`).
    fn run_raw(&self, tokens: &[&str], raw: Option<RawTokens<'_>>, work: &mut Work) {
        work.x.extract_raw(tokens, raw, Some(&self.model));
        work.d.score(&self.model, &work.x, tokens.len());
        work.d.viterbi(&self.model, tokens.len());
        self.place_after_person(tokens, &mut work.d.best);
        self.place_ends_name(tokens, &mut work.d.best);
        self.no_name_begins_at_a_dash(tokens, &mut work.d.best);
    }

    /// A dash before a name (`Ең үлкен мұздық – Дмитриев мұздығы`) is
    /// punctuation, not the name's first word: no person, place or
    /// organization of KazNERD begins with one. A span the tagger began
    /// there begins at the next word.
    fn no_name_begins_at_a_dash(&self, tokens: &[&str], best: &mut [u16]) {
        let Some(outside) = self.model.outside.and_then(|o| u16::try_from(o).ok()) else {
            return;
        };
        let iob = &self.model.iob;
        for k in 0..best.len().min(tokens.len()) {
            if !matches!(tokens[k], "–" | "—" | "-") {
                continue;
            }
            let Some(kind) = iob
                .get(usize::from(best[k]))
                .and_then(|l| l.strip_prefix("B-"))
                .filter(|kind| Label::from_type(kind).is_some())
            else {
                continue;
            };
            let begin = best[k];
            best[k] = outside;
            if let Some(next) = best.get_mut(k + 1) {
                if iob
                    .get(usize::from(*next))
                    .and_then(|l| l.strip_prefix("I-"))
                    == Some(kind)
                {
                    *next = begin;
                }
            }
        }
    }

    /// A name ends at a listed place in a case of place (locative, dative,
    /// ablative): Kazakh puts the case ending on a noun phrase's last word,
    /// so words the tagger took as the same place's name after it
    /// (`Мәскеуде Ердоғанмен`) are not part of it and leave the span.
    fn place_ends_name(&self, tokens: &[&str], best: &mut [u16]) {
        let Some((b, i, o)) = self.model.place_labels else {
            return;
        };

        let n = best.len().min(tokens.len());
        let mut k = 0;
        while k + 1 < n {
            let in_place = best[k] == b || best[k] == i;
            if !(in_place && best[k + 1] == i) {
                k += 1;
                continue;
            }
            if listed_place_in_case_of_place(tokens[k]) {
                let mut j = k + 1;
                while j < n && best[j] == i {
                    best[j] = o;
                    j += 1;
                }
                k = j;
            } else {
                k += 1;
            }
        }
    }

    /// A listed place in a case of place (locative, dative, ablative:
    /// where, whither, whence) that the tagger took as a later word of a
    /// person's name (`Тоқаев Берлинде`, `Смағұлов Астанаға`, `Путин
    /// Мәскеуде Тоқаевты`) is a place of its own: a person's name ends in a
    /// surname, patronymic or first name, not in a listed place (unless the
    /// word is a listed first name too), and Kazakh puts the case ending on
    /// the name's last word, so no name goes on past it either: a name the
    /// tagger continued after the place begins there.
    fn place_after_person(&self, tokens: &[&str], best: &mut [u16]) {
        let Some((inside, place, begin)) = self.model.person_then_place else {
            return;
        };
        for k in 1..best.len().min(tokens.len()) {
            // An initial is followed by the rest of its name (`Ч.
            // Дарвинге`, not the city).
            let after_initial = tokens[k - 1].ends_with('.');
            if best[k] != inside || after_initial {
                continue;
            }
            if listed_place_in_case_of_place(tokens[k]) {
                best[k] = place;
                if best.get(k + 1) == Some(&inside) {
                    best[k + 1] = begin;
                }
            }
        }
    }

    /// The model's own IOB2 label for each token of one sentence (for the
    /// embedded model: KazNERD types such as `B-PERSON` or `I-MONEY`, and
    /// `B-LOC`/`I-LOC` for GPE and LOCATION, see `Trainer::merges`). A
    /// token the tagger sees in KazNERD's pieces (`3,2%-ға` as `3 , 2
    /// %-ға`) takes the label of its first piece.
    ///
    /// ```
    /// let r = kazakh::ner::Recognizer::default();
    /// let labels = r.tag(&["Тоқаев", "Астанаға", "келді", "."]);
    /// assert_eq!(labels.len(), 4);
    /// ```
    pub fn tag(&self, tokens: &[&str]) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::with_capacity(tokens.len());
        for l in self.token_labels(tokens) {
            let label = self.label(l);
            // A token whose first piece continues an entity the previous
            // token's first piece did not show begins it.
            let label = match label.strip_prefix("I-") {
                Some(kind) if out.last().and_then(|p| p.get(2..)) != Some(kind) => self
                    .model
                    .iob
                    .iter()
                    .find(|b| b.strip_prefix("B-") == Some(kind))
                    .map_or(label, String::as_str),
                _ => label,
            };
            out.push(label);
        }
        out
    }

    /// One model label per token: the tagger runs on the tokens' pieces
    /// (see [`tagger_pieces`]) and each token takes its first piece's
    /// label.
    fn token_labels(&self, tokens: &[&str]) -> Vec<u16> {
        let mut pieces = Pieces::default();
        let mut out = Vec::with_capacity(tokens.len());
        with_work(|work| {
            for window in tokens.chunks(MAX_WINDOW_TOKENS) {
                pieces.split(window);
                self.run(&pieces.words, work);
                let mut last = usize::MAX;
                for (&k, &l) in pieces.origin.iter().zip(&work.d.best) {
                    if k != last {
                        out.push(l);
                        last = k;
                    }
                }
            }
        });
        out
    }

    /// IOB2 labels with the public types (`B-PER`, `I-LOC`, `B-ORG`, `O`)
    /// for each token of one sentence (tagged as [`Recognizer::tag`]).
    pub fn iob2(&self, tokens: &[&str]) -> Vec<&'static str> {
        let mut out = Vec::with_capacity(tokens.len());
        let mut open: Option<Label> = None;
        for l in self.token_labels(tokens) {
            let label = self.label(l);
            let (inside, kind) = match iob::Tag::parse(label) {
                Some(iob::Tag::Begin(k)) => (false, Label::from_type(k)),
                Some(iob::Tag::Inside(k)) => (true, Label::from_type(k)),
                _ => (false, None),
            };
            let tag = match kind {
                Some(k) => {
                    let (b, i) = k.iob2();
                    if inside && open == Some(k) {
                        i
                    } else {
                        b
                    }
                }
                None => "O",
            };
            open = kind;
            out.push(tag);
        }
        out
    }

    /// The entities of one sentence's tokens, tagged as `pieces`, with
    /// token indices offset by `first`; `place` gives the span and text of
    /// a range of tokens.
    fn entities_of<'a>(
        &self,
        tokens: &[&str],
        pieces: &Pieces<'_>,
        work: &Work,
        first: usize,
        mut place: impl FnMut(Range<usize>) -> (Span, Cow<'a, str>),
        out: &mut Vec<Entity<'a>>,
    ) {
        let labels = &self.model.iob;
        let best = work.d.best.iter().map(|&l| labels[usize::from(l)].as_str());
        for e in iob::spans(best) {
            let Some(kind) = Label::from_type(e.label) else {
                continue;
            };
            let (i, end) = (e.start, e.end);
            let score = work.d.confidence[i..end].iter().sum::<f32>() / (end - i) as f32;
            let r = pieces.tokens(&(i..end));
            let (span, text) = place(r.clone());
            out.push(Entity {
                span,
                text,
                label: kind,
                lemma: nominative(&tokens[r.clone()]),
                score,
                tokens: first + r.start..first + r.end,
            });
        }
    }

    /// The people, places and organizations of raw text, in order.
    ///
    /// ```
    /// let r = kazakh::ner::Recognizer::default();
    /// let text = "Семейде жиын өтті.";
    /// for e in r.recognize(text) {
    ///     assert_eq!(&text[e.span().range()], e.text());
    /// }
    /// ```
    pub fn recognize<'a>(&self, text: &'a str) -> Vec<Entity<'a>> {
        let mut entities = Vec::new();
        self.pass(text, Some(&mut entities), None);
        entities
    }

    /// [`Recognizer::recognize`] and [`Recognizer::numbers`] in one pass
    /// over the text: each sentence is tokenized and tagged once.
    ///
    /// ```
    /// let r = kazakh::ner::Recognizer::default();
    /// let (entities, numbers) = r.recognize_with_numbers("Семейге 5 мың адам келді.");
    /// assert_eq!(numbers.len(), 1);
    /// assert!(entities.len() <= 1);
    /// ```
    pub fn recognize_with_numbers<'a>(
        &self,
        text: &'a str,
    ) -> (Vec<Entity<'a>>, Vec<crate::numbers::NumberMention<'a>>) {
        let (mut entities, mut numbers) = (Vec::new(), Vec::new());
        self.pass(text, Some(&mut entities), Some(&mut numbers));
        (entities, numbers)
    }

    /// Tags every sentence of `text` once, collecting entities and number
    /// mentions into those asked for.
    fn pass<'a>(
        &self,
        text: &'a str,
        mut entities: Option<&mut Vec<Entity<'a>>>,
        mut numbers: Option<&mut Vec<crate::numbers::NumberMention<'a>>>,
    ) {
        let (want_entities, want_numbers) = (entities.is_some(), numbers.is_some());
        self.each_sentence(text, want_entities, want_numbers, |e, n| {
            if let Some(out) = entities.as_deref_mut() {
                out.append(e);
            }
            if let Some(out) = numbers.as_deref_mut() {
                out.append(n);
            }
        });
    }

    /// Whether the model labels DATE (and so decides the spans of dates,
    /// as it does those of numbers).
    pub(crate) fn labels_dates(&self) -> bool {
        self.model.iob.iter().any(|l| l.ends_with("-DATE"))
    }

    /// Tags every sentence of `text` once (in windows of at most
    /// [`MAX_WINDOW_TOKENS`]) and hands each window's entities and number
    /// mentions, those asked for, to `sink`, which takes them out of the
    /// vectors: a caller that keeps them in another form never holds a
    /// whole text's worth twice.
    pub(crate) fn each_sentence<'a>(
        &self,
        text: &'a str,
        entities: bool,
        numbers: bool,
        mut sink: impl FnMut(&mut Vec<Entity<'a>>, &mut Vec<crate::numbers::NumberMention<'a>>),
    ) {
        let mut tagger = SentenceTagger::new(self, text, entities, numbers);
        for sentence in crate::sentences::sentences(text) {
            for t in sentence.tokens() {
                tagger.push(t.text(), t.span());
            }
            tagger.tag(&mut sink);
        }
    }

    /// The entities of one pre-tokenized sentence. Spans are byte offsets
    /// into the tokens joined by single spaces, as in
    /// [`crate::numbers::extract_tokens`].
    ///
    /// ```
    /// let r = kazakh::ner::Recognizer::default();
    /// for e in r.recognize_tokens(&["Ақтөбе", "облысының", "әкімі", "келді"]) {
    ///     assert!(e.tokens().end <= 4);
    /// }
    /// ```
    pub fn recognize_tokens<'a>(&self, tokens: &[&'a str]) -> Vec<Entity<'a>> {
        let mut pieces = Pieces::default();
        let spans = joined_spans(tokens);
        let mut out = Vec::new();
        with_work(|work| {
            for (first, window) in windows(tokens) {
                pieces.split(window);
                self.run(&pieces.words, work);
                let place = |r: Range<usize>| {
                    let r = first + r.start..first + r.end;
                    let span = Span::new(spans[r.start].start, spans[r.end - 1].end);
                    let text = if r.len() == 1 {
                        Cow::Borrowed(tokens[r.start])
                    } else {
                        Cow::Owned(tokens[r].join(" "))
                    };
                    (span, text)
                };
                self.entities_of(window, &pieces, work, first, place, &mut out);
            }
        });
        out
    }
}

/// Whether some word of `tokens` (with one case ending at most), or a
/// multi-word entry among them, is in the recognizer's gazetteers of
/// places, first names or organizations (`Ақтөбеде`, `Дональд Трамп`,
/// `Біріккен Араб Әмірліктері`). Cross-validation splits the recall on
/// unseen names by it.
///
/// ```
/// assert!(kazakh::ner::in_gazetteer(&["Аустрияда"]));
/// assert!(!kazakh::ner::in_gazetteer(&["Қарлығаш", "жолы"]));
/// ```
pub fn in_gazetteer(tokens: &[&str]) -> bool {
    let names = gazetteer::GazHit::NAMES.bits();
    if tokens
        .iter()
        .any(|t| gazetteer::token_flags(t).bits() & names != 0)
    {
        return true;
    }
    let mut phrases = Vec::new();
    gazetteer::phrase_flags(tokens, |_| true, &mut phrases);
    phrases.iter().any(|g| g.bits() & names != 0)
}

/// The most tokens tagged as one sequence. A longer sentence (a table, a
/// list, text with no sentence end; [`crate::sentences`] already closes
/// sentences at [`crate::MAX_SENTENCE_TOKENS`]) is tagged in
/// windows of this many tokens, each as if it were a sentence, so that the
/// tagger's work and memory per window stay bounded. No sentence of the
/// corpora comes near it.
pub const MAX_WINDOW_TOKENS: usize = 10_000;

/// `tokens` in windows of at most [`MAX_WINDOW_TOKENS`], with the index of
/// each window's first token.
fn windows<'s, 't>(tokens: &'s [&'t str]) -> impl Iterator<Item = (usize, &'s [&'t str])> {
    tokens
        .chunks(MAX_WINDOW_TOKENS)
        .enumerate()
        .map(|(i, w)| (i * MAX_WINDOW_TOKENS, w))
}

/// The byte spans of `tokens` in the tokens joined by single spaces.
fn joined_spans(tokens: &[&str]) -> Vec<Span> {
    let mut at = 0usize;
    tokens
        .iter()
        .map(|t| {
            let span = Span::new(at, at + t.len());
            at = span.end + 1;
            span
        })
        .collect()
}

/// The longest token [`tagger_pieces`] splits, in bytes. The longest
/// number a text writes in one token, `1.234.567.890,25%-ының`, has 27.
pub(crate) const MAX_PIECED_TOKEN: usize = 32;

/// Calls `piece` with the words the tagger sees for one token of raw
/// text. The tokenizer keeps a number with its percent sign and ending
/// (`3,2%-ға`) or a decimal (`125,6`) in one token, while KazNERD, which
/// the model learns from, writes `3 , 2 %-ға` and `125 , 6`: such tokens
/// are split the same way for tagging, so that the model sees the words it
/// was trained on. Every other token is one word, and so is a token longer
/// than [`MAX_PIECED_TOKEN`] bytes: no written number is that long, and a
/// run such as `1,2.1,2.…` stays one word instead of thousands. So is a
/// temperature with the degree sign (`38,5°`, `25°C-тан`): KazNERD never
/// writes the sign, and the rules read such a token whole. A sign the
/// tokenizer keeps against a temperature (`-5°С-қа`) is a word of its own
/// for the tagger, as the tokens were before it kept it.
fn tagger_pieces<'a>(token: &'a str, mut piece: impl FnMut(&'a str)) {
    if let Some(rest) = token.strip_prefix(crate::tokenizer::MINUS_SIGNS) {
        if rest.as_bytes().first().is_some_and(u8::is_ascii_digit) && rest.contains('°') {
            piece(&token[..token.len() - rest.len()]);
            piece(rest);
            return;
        }
    }
    let bytes = token.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_digit)
        || bytes.len() > MAX_PIECED_TOKEN
        || token.contains('°')
    {
        piece(token);
        return;
    }
    let mut start = 0;
    for i in 1..bytes.len() {
        let b = bytes[i];
        let between_digits = matches!(b, b',' | b'.')
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if between_digits {
            piece(&token[start..i]);
            piece(&token[i..i + 1]);
            start = i + 1;
        } else if b == b'%' {
            // Only digits come before: any other byte ended the scan, and a
            // separator split above is followed by a digit.
            piece(&token[start..i]);
            piece(&token[i..]);
            return;
        } else if !b.is_ascii_digit() {
            break;
        }
    }
    piece(&token[start..]);
}

/// Whether `token` is a listed place (gazetteer places, not also a listed
/// first name) in a case of place: locative, dative, ablative (where,
/// whither, whence). Such a word closes the name it ends (see
/// `Recognizer::place_after_person` and `Recognizer::place_ends_name`).
fn listed_place_in_case_of_place(token: &str) -> bool {
    let spatial = matches!(
        crate::morph::split_case(token).1,
        Case::Locative | Case::Dative | Case::Ablative
    );
    let flags = gazetteer::token_flags(token);
    spatial && flags.intersects(GazHit::PLACE) && !flags.intersects(GazHit::FIRST_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of a label of the embedded model.
    #[cfg(feature = "embedded-model")]
    fn label_index(r: &Recognizer, name: &str) -> u16 {
        let i = r.model.iob.iter().position(|l| l == name);
        u16::try_from(i.expect(name)).expect(name)
    }

    /// The embedded model's `B-PERSON`, `I-PERSON`, `O` and `B-LOC`.
    #[cfg(feature = "embedded-model")]
    fn person_labels(r: &Recognizer) -> (u16, u16, u16, u16) {
        let index = |name: &str| label_index(r, name);
        (
            index("B-PERSON"),
            index("I-PERSON"),
            index("O"),
            index("B-LOC"),
        )
    }

    /// Each case's labels after `repair`: (tokens, the tagger's labels,
    /// the labels after the rule).
    #[cfg(feature = "embedded-model")]
    fn check_repair(cases: &[(&[&str], &[u16], &[u16])], repair: impl Fn(&[&str], &mut [u16])) {
        for &(tokens, tagged, want) in cases {
            let mut best = tagged.to_vec();
            repair(tokens, &mut best);
            assert_eq!(best, want, "{tokens:?}");
        }
    }

    // Uses the embedded model.
    #[cfg(feature = "embedded-model")]
    #[test]
    fn a_listed_place_in_the_locative_ends_no_persons_name() {
        let r = Recognizer::default();
        let (b, i, o, loc) = person_labels(&r);
        // (tokens, the tagger's labels, the labels after the rule).
        let cases: &[(&[&str], &[u16], &[u16])] = &[
            (&["Тоқаев", "Берлинде", "болды"], &[b, i, o], &[b, loc, o]),
            (&["Асқар", "Смағұлов", "Астанада"], &[b, i, i], &[b, i, loc]),
            (&["Тоқаев", "Парижде"], &[b, i], &[b, loc]),
            // Not a listed place, not in a case of place, not inside a
            // person's name: unchanged.
            (&["Жаңылсын", "Мағзумовада"], &[b, i], &[b, i]),
            (&["Тоқаев", "Берлинге"], &[b, i], &[b, loc]),
            (&["Тоқаев", "Мәскеуден"], &[b, i], &[b, loc]),
            (&["Тоқаев", "Берлиннің"], &[b, i], &[b, i]),
            (&["Ч.", "Дарвинге"], &[b, i], &[b, i]),
            (&["Мұхаммед", "Қарақорымға"], &[b, i], &[b, loc]),
            // Inside the name: the place is its own, and the name the
            // tagger went on with after it begins there.
            (&["Тоқаев", "Берлинде", "Шольц"], &[b, i, i], &[b, loc, b]),
            (
                &["Путин", "Мәскеуде", "Тоқаевты", "қабылдады"],
                &[b, i, i, o],
                &[b, loc, b, o],
            ),
            (
                &["Тоқаев", "Берлинде", "Олаф", "Шольц"],
                &[b, i, i, i],
                &[b, loc, b, i],
            ),
            (&["Берлинде", "болды"], &[loc, o], &[loc, o]),
            (&["Берлинде"], &[b], &[b]),
            (&[], &[], &[]),
        ];
        check_repair(cases, |t, best| r.place_after_person(t, best));
    }

    // Uses the embedded model.
    #[cfg(feature = "embedded-model")]
    #[test]
    fn no_name_begins_at_a_dash() {
        let r = Recognizer::default();
        let (b, i, o, loc) = person_labels(&r);
        // (tokens, the tagger's labels, the labels after the rule).
        let cases: &[(&[&str], &[u16], &[u16])] = &[
            (&["мұздық", "–", "Дмитриев"], &[o, b, i], &[o, o, b]),
            (&["—", "Абай", "Құнанбаев"], &[b, i, i], &[o, b, i]),
            (&["-", "Берлинде"], &[loc, o], &[o, o]),
            // A name that begins after the dash, and a word: unchanged.
            (&["–", "Дмитриев"], &[o, b], &[o, b]),
            (&["Дмитриев", "–"], &[b, o], &[b, o]),
            (&[], &[], &[]),
        ];
        check_repair(cases, |t, best| r.no_name_begins_at_a_dash(t, best));
    }

    // Uses the embedded model.
    #[cfg(feature = "embedded-model")]
    #[test]
    fn a_listed_place_in_a_case_of_place_ends_the_place_name() {
        let r = Recognizer::default();
        let index = |name: &str| label_index(&r, name);
        let (b, i, o) = (index("B-LOC"), index("I-LOC"), index("O"));
        // (tokens, the tagger's labels, the labels after the rule).
        let cases: &[(&[&str], &[u16], &[u16])] = &[
            (&["Мәскеуде", "Ердоғанмен"], &[b, i], &[b, o]),
            (
                &["Батыс", "Сібірде", "Тура", "өзені"],
                &[b, i, i, o],
                &[b, i, o, o],
            ),
            (&["Берлинге", "Париж", "Рим"], &[b, i, i], &[b, o, o]),
            // The case on the last word, a genitive inside, a word that is
            // no listed place, a first name: unchanged.
            (&["Ақтөбе", "облысында"], &[b, i], &[b, i]),
            (&["Алматының", "Медеу", "ауданы"], &[b, i, i], &[b, i, i]),
            (&["Бұлбұлтауда", "Ердоғанмен"], &[b, i], &[b, i]),
            (&["Мәскеуде"], &[b], &[b]),
            (&[], &[], &[]),
        ];
        check_repair(cases, |t, best| r.place_ends_name(t, best));
    }

    #[test]
    fn names_with_a_listed_word_are_in_the_gazetteers() {
        for (tokens, listed) in [
            // A hand-written place, inflected.
            (&["Ақтөбеде"][..], true),
            // CLDR's names (cldr_places.txt): a country, a city, a region.
            (&["Аустрия"], true),
            (&["Грекиядағы"], true),
            (&["Вьентьянда"], true),
            (&["Тристан-да-Кунья"], true),
            (&["Оңтүстік-Шығыс", "Азия"], true),
            // A first name in a full name; a multi-word place.
            (&["Дональд", "Трамп"], true),
            (&["Біріккен", "Араб", "Әмірліктері"], true),
            // A known organization's abbreviation.
            (&["БҰҰ"], true),
            // No listed word: an organization head alone is no name.
            (&["Қарлығаш", "жолы"], false),
            (&["министрлігі"], false),
            (&["Кеңөзек"], false),
            (&[], false),
            (&[""], false),
        ] {
            assert_eq!(in_gazetteer(tokens), listed, "{tokens:?}");
        }
    }

    #[test]
    fn piece_ranges_map_to_token_ranges() {
        let mut p = Pieces::default();
        p.split(&["Экспорт", "3,2%-ға", "өсті"]);
        assert_eq!(p.words, ["Экспорт", "3", ",", "2", "%-ға", "өсті"]);
        for (pieces, tokens) in [
            (0..1, 0..1),
            (1..5, 1..2),
            (2..3, 1..2),
            (1..6, 1..3),
            (5..6, 2..3),
            (3..3, 1..1),
            (6..6, 3..3),
            (9..12, 3..3),
        ] {
            assert_eq!(p.tokens(&pieces), tokens, "{pieces:?}");
        }
    }

    #[test]
    fn tagger_pieces_follow_kaznerd() {
        for (token, want) in [
            ("-5°С-қа", &["-", "5°С-қа"][..]),
            ("−12°C", &["−", "12°C"]),
            ("25°C-тан", &["25°C-тан"]),
            ("15%-ға", &["15", "%-ға"][..]),
            ("3,2%-ға", &["3", ",", "2", "%-ға"]),
            ("125,6", &["125", ",", "6"]),
            ("1.5", &["1", ".", "5"]),
            ("12%", &["12", "%"]),
            ("215-інің", &["215-інің"]),
            ("3,2-ге", &["3", ",", "2-ге"]),
            ("2026", &["2026"]),
            ("3,", &["3,"]),
            ("%", &["%"]),
            ("Алматы", &["Алматы"]),
            ("", &[""]),
            ("5G", &["5G"]),
            ("38,5°", &["38,5°"]),
            ("25,5°C-тан", &["25,5°C-тан"]),
            // 32 bytes are split; 33 are one word.
            (
                "1,2.1,2.1,2.1,2.1,2.1,2.1,2.1,25",
                &[
                    "1", ",", "2", ".", "1", ",", "2", ".", "1", ",", "2", ".", "1", ",", "2", ".",
                    "1", ",", "2", ".", "1", ",", "2", ".", "1", ",", "2", ".", "1", ",", "25",
                ],
            ),
            (
                "1,2.1,2.1,2.1,2.1,2.1,2.1,2.1,255",
                &["1,2.1,2.1,2.1,2.1,2.1,2.1,2.1,255"],
            ),
        ] {
            let mut got = Vec::new();
            tagger_pieces(token, |p| got.push(p));
            assert_eq!(got, want, "{token}");
            assert_eq!(got.concat(), token);
        }
    }

    // Uses the embedded model.
    #[cfg(feature = "embedded-model")]
    #[test]
    fn long_sentences_are_tagged_in_windows_with_the_same_offsets() {
        let r = Recognizer::default();
        let sentence = ["Тоқаев", "Астанаға", "5", "мың", "теңге", "берді", ","];
        let mut tokens = Vec::new();
        while tokens.len() < 2 * MAX_WINDOW_TOKENS + 5 {
            tokens.extend_from_slice(&sentence);
        }
        assert_eq!(r.tag(&tokens).len(), tokens.len());
        assert_eq!(r.iob2(&tokens).len(), tokens.len());
        let joined = tokens.join(" ");
        let entities = r.recognize_tokens(&tokens);
        let numbers = r.numbers_tokens(&tokens, &joined);
        assert!(entities.len() > 2 * MAX_WINDOW_TOKENS / sentence.len());
        assert!(numbers.len() > 2 * MAX_WINDOW_TOKENS / sentence.len());
        for e in &entities {
            assert_eq!(&joined[e.span().range()], e.text());
            assert_eq!(tokens[e.tokens()].join(" "), e.text());
        }
        for m in &numbers {
            assert_eq!(tokens[m.tokens()].join(" "), m.text());
        }
        // The same through raw text: one sentence of more than a window.
        let text = joined.replace(" ,", ",");
        let (entities, numbers) = r.recognize_with_numbers(&text);
        assert!(entities.len() > 2 * MAX_WINDOW_TOKENS / sentence.len());
        for m in &numbers {
            assert_eq!(&text[m.span().range()], m.text());
        }
    }

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<Recognizer>();
        assert_send_sync::<Model>();
        assert_send_sync::<Entity<'static>>();
    }

    #[test]
    fn labels_map_kaznerd_types() {
        for (kind, want) in [
            ("PERSON", Some(Label::Person)),
            ("GPE", Some(Label::Location)),
            ("LOCATION", Some(Label::Location)),
            ("ORGANISATION", Some(Label::Organization)),
            ("FACILITY", None),
            ("CARDINAL", None),
        ] {
            assert_eq!(Label::from_type(kind), want, "{kind}");
        }
        assert_eq!(Label::Organization.to_string(), "ORG");
    }

    #[test]
    fn empty_model_finds_nothing_and_never_panics() {
        let r = Recognizer {
            model: Arc::clone(&EMPTY),
        };
        assert!(r.recognize("Тоқаев Астанаға келді.").is_empty());
        assert!(r.recognize("").is_empty());
        assert_eq!(r.iob2(&["a", "b"]), ["O", "O"]);
        assert!(r.recognize_tokens(&[]).is_empty());
    }
}
