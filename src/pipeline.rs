//! One call that does everything: sentences, tokens, lemmas, numbers and
//! entities of a document, with spans into the caller's text.
//!
//! A [`Pipeline`] is configured once (which stages run, whether the text is
//! normalized first, which entity model) and then analyses any number of
//! texts; [`Pipeline::analyze`] gives a [`Document`]. Every span in a
//! document is a byte span into the text that was passed in, also when
//! normalization is on: the normalized text is analysed and every span is
//! mapped back with [`Normalized::original_span`](crate::Normalized::original_span).
//! Char offsets (as Python counts them) are computed alongside.
//!
//! [`Pipeline::analyze_into`] reuses a document's buffers, so that a loop
//! over many documents allocates per document and per sentence at most,
//! never per token. [`Pipeline::analyze_batch`] analyses many texts, in
//! parallel with the `rayon` feature.

use std::ops::Range;

use crate::error::{Error, ErrorKind};
use crate::ner::{Entity, Label, Recognizer, SentenceTagger};
use crate::normalize::{Normalized, Normalizer};
use crate::numbers::NumberMention;
use crate::numbers::{Approx, NumberKind, Value};
use crate::sentences::sentences;
use crate::span::{CharOffsets, Span};
use crate::time::Date;
use crate::tokenizer::TokenKind;

/// The configured analysis: stages, normalization and entity model.
///
/// ```
/// use kazakh::Pipeline;
///
/// let text = "Қасым-Жомарт Тоқаев Ақтөбе облысына барды. Экспорт 15%-ға өсті.";
/// let mut pipeline = Pipeline::new();
/// pipeline.lemmas(true).numbers(true).entities(true);
/// let doc = pipeline.analyze(text);
/// assert_eq!(doc.sentences().len(), 2);
/// assert_eq!(doc.token_text(&doc.tokens()[0]), "Қасым-Жомарт");
/// assert_eq!(doc.lemma(&doc.tokens()[3]), Some("облыс"));
/// let n = &doc.numbers()[0];
/// assert_eq!(doc.text_at(n.span), "15%-ға");
/// assert_eq!(n.value.to_string(), "15");
/// for e in doc.entities() {
///     assert_eq!(doc.text_at(e.span), &text[e.span.range()]);
/// }
/// ```
#[derive(Clone, Debug)]
pub struct Pipeline {
    lemmas: bool,
    numbers: bool,
    entities: bool,
    normalizer: Option<Normalizer>,
    recognizer: Option<Recognizer>,
    max_bytes: Option<usize>,
    date: Option<Date>,
}

/// The default of [`Pipeline::max_bytes`]: 16 MiB, a hundred times the
/// longest news article or encyclopedia entry, small enough that one
/// record of a crawl cannot take a whole run's memory.
pub const DEFAULT_MAX_DOC_BYTES: usize = 16 << 20;

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// Every stage on (lemmas, numbers, entities with the embedded model),
    /// normalization off.
    pub fn new() -> Pipeline {
        Pipeline {
            lemmas: true,
            numbers: true,
            entities: true,
            normalizer: None,
            recognizer: None,
            max_bytes: Some(DEFAULT_MAX_DOC_BYTES),
            date: None,
        }
    }

    /// The longest document, in bytes of UTF-8, that
    /// [`Pipeline::try_analyze`] and [`Pipeline::try_analyze_into`] accept
    /// (default [`DEFAULT_MAX_DOC_BYTES`]); `None` for no limit. A corpus
    /// run skips a longer document with an error instead of spending memory
    /// in proportion to it. [`Pipeline::analyze`] has no limit: its cost is
    /// linear in any input.
    ///
    /// ```
    /// let mut p = kazakh::Pipeline::new();
    /// p.max_bytes(Some(8));
    /// assert!(p.try_analyze("Бір.").is_ok());
    /// let err = p.try_analyze("Бір екі үш.").unwrap_err();
    /// assert_eq!(err.kind(), kazakh::ErrorKind::TooLarge);
    /// assert_eq!(err.to_string(), "document of 19 bytes is longer than the limit of 8 bytes");
    /// ```
    pub fn max_bytes(&mut self, limit: Option<usize>) -> &mut Pipeline {
        self.max_bytes = limit;
        self
    }

    /// The limit set by [`Pipeline::max_bytes`].
    pub fn max_bytes_limit(&self) -> Option<usize> {
        self.max_bytes
    }

    /// [`Pipeline::analyze`], or an [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge)
    /// error for a text longer than [`Pipeline::max_bytes`].
    pub fn try_analyze(&self, text: &str) -> Result<Document, Error> {
        let mut doc = Document::default();
        self.try_analyze_into(text, &mut doc)?;
        Ok(doc)
    }

    /// [`Pipeline::analyze_into`] within the limit of
    /// [`Pipeline::max_bytes`]; over it, `doc` is left empty.
    pub fn try_analyze_into(&self, text: &str, doc: &mut Document) -> Result<(), Error> {
        if let Err(e) = self.check_size(text.len()) {
            doc.clear();
            doc.entities.clear();
            return Err(e);
        }
        self.analyze_into(text, doc);
        Ok(())
    }

    /// An [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) error when
    /// `len` bytes are over the limit.
    pub fn check_size(&self, len: usize) -> Result<(), Error> {
        match self.max_bytes {
            Some(max) if len > max => Err(Error::new(
                ErrorKind::TooLarge,
                format!("document of {len} bytes is longer than the limit of {max} bytes"),
            )),
            _ => Ok(()),
        }
    }

    /// Whether tokens get their lemma ([`crate::morph::lemma`]).
    pub fn lemmas(&mut self, on: bool) -> &mut Pipeline {
        self.lemmas = on;
        self
    }

    /// Whether numbers are extracted ([`crate::ner::Recognizer::numbers`]:
    /// the tagger's spans, the rules' values).
    pub fn numbers(&mut self, on: bool) -> &mut Pipeline {
        self.numbers = on;
        self
    }

    /// The document date that relative dates and times resolve against
    /// (`биыл`, `кеше`, `мамырда`, `сағат 14:30-да`; see
    /// [`crate::time::Timex::anchored`]). `None`, the default, leaves
    /// them relative: the pipeline never guesses a date. For a corpus whose
    /// documents have dates of their own, see [`Document::anchor`].
    ///
    /// ```
    /// use kazakh::numbers::Value;
    /// let mut p = kazakh::Pipeline::new();
    /// let doc = p.analyze("Биыл 12 мамырда өтті.");
    /// assert_eq!(doc.numbers()[0].value.to_string(), "XXXX");
    /// p.date(Some("2024-06-15".parse().unwrap()));
    /// let doc = p.analyze("Биыл 12 мамырда өтті.");
    /// let values: Vec<String> = doc.numbers().iter().map(|n| n.value.to_string()).collect();
    /// assert_eq!(values, ["2024", "2024-05-12"]);
    /// ```
    pub fn date(&mut self, date: Option<Date>) -> &mut Pipeline {
        self.date = date;
        self
    }

    /// Whether entities are recognized ([`crate::ner::Recognizer`]).
    pub fn entities(&mut self, on: bool) -> &mut Pipeline {
        self.entities = on;
        self
    }

    /// Whether the text is normalized (with every step of
    /// [`crate::normalize()`]) before it is analysed. Spans still refer to
    /// the original text.
    ///
    /// ```
    /// let text = "бiрi келдi"; // Latin i
    /// let mut p = kazakh::Pipeline::new();
    /// p.normalization(true);
    /// let doc = p.analyze(text);
    /// let t = &doc.tokens()[1];
    /// assert_eq!(doc.token_text(t), "келдi");
    /// assert_eq!(doc.lemma(t), Some("кел"));
    /// ```
    pub fn normalization(&mut self, on: bool) -> &mut Pipeline {
        self.normalizer = on.then(Normalizer::new);
        self
    }

    /// Normalization with the steps of `normalizer`.
    pub fn normalizer(&mut self, normalizer: Normalizer) -> &mut Pipeline {
        self.normalizer = Some(normalizer);
        self
    }

    /// The entity model (default: [`Recognizer::default`], the embedded
    /// KazNERD model).
    pub fn recognizer(&mut self, recognizer: Recognizer) -> &mut Pipeline {
        self.recognizer = Some(recognizer);
        self
    }

    /// Analyses `text`.
    pub fn analyze(&self, text: &str) -> Document {
        let mut doc = Document::default();
        self.analyze_into(text, &mut doc);
        doc
    }

    /// Analyses `text` into `doc`, reusing its buffers.
    ///
    /// ```
    /// let p = kazakh::Pipeline::new();
    /// let mut doc = kazakh::Document::default();
    /// for text in ["Бірінші мәтін.", "Екінші мәтін."] {
    ///     p.analyze_into(text, &mut doc);
    ///     assert_eq!(doc.text(), text);
    /// }
    /// ```
    pub fn analyze_into(&self, text: &str, doc: &mut Document) {
        doc.clear();
        doc.text.push_str(text);
        let normalized = self.normalizer.map(|n| n.normalize(text));
        let (work, map): (&str, Option<&Normalized<'_>>) = match &normalized {
            Some(n) if !n.is_borrowed() => (n.as_str(), Some(n)),
            _ => (text, None),
        };
        let back = |span: Span| match map {
            Some(n) => n.original_span(span),
            None => span,
        };

        // One tagging pass gives entities and the numbers' spans (as
        // `kazakh numbers` finds them: the tagger's spans, the rules' values),
        // over the sentences and tokens found here.
        let default;
        let recognizer = match &self.recognizer {
            Some(r) => r,
            None => {
                default = Recognizer::default();
                &default
            }
        };
        let tagging = self.entities || self.numbers;
        let mut tagger = SentenceTagger::new(recognizer, work, self.entities, self.numbers);
        // Each sentence's mentions go into the document as they come, so
        // that a text's mentions are never held twice.
        let old = doc.entities.len();
        let mut used = 0;
        let numbers = &mut doc.numbers;
        let entities = &mut doc.entities;
        let date = self.date;
        let mut sink = |found: &mut Vec<Entity<'_>>, mentions: &mut Vec<NumberMention<'_>>| {
            numbers.extend(mentions.drain(..).map(|m| DocNumber {
                span: back(m.span()),
                chars: Span::default(),
                kind: m.kind(),
                value: anchored(m.value(), date),
                unit: m.unit(),
                approx: m.approx(),
                tokens: m.tokens(),
            }));
            for e in found.drain(..) {
                let record = DocEntity {
                    span: back(e.span()),
                    chars: Span::default(),
                    label: e.label(),
                    lemma: String::new(),
                    score: e.score(),
                    tokens: e.tokens(),
                };
                // Reuse the lemma strings of the previous document.
                if used < old {
                    let slot = &mut entities[used];
                    let mut lemma = std::mem::take(&mut slot.lemma);
                    lemma.clear();
                    lemma.push_str(e.lemma());
                    *slot = DocEntity { lemma, ..record };
                } else {
                    entities.push(DocEntity {
                        lemma: e.lemma().to_owned(),
                        ..record
                    });
                }
                used += 1;
            }
        };

        // A sentence's words, for lemmas in context.
        let mut words: Vec<&str> = Vec::with_capacity(crate::ner::SENTENCE_CAPACITY);
        // The sentences' tokens, one vector for all of them.
        let mut split = sentences(work);
        let mut tokens = Vec::with_capacity(crate::ner::SENTENCE_CAPACITY);
        while let Some(sentence_span) = split.next_into(&mut tokens) {
            let first = doc.tokens.len();
            if self.lemmas {
                words.clear();
                words.extend(tokens.iter().map(|t| t.text()));
            }
            for (i, t) in tokens.iter().enumerate() {
                let lemma = if self.lemmas {
                    let start = doc.lemmas.len();
                    doc.lemmas
                        .push_str(&crate::morph::lemma_in_context(&words, i));
                    Some(Span::new(start, doc.lemmas.len()))
                } else {
                    None
                };
                doc.tokens.push(DocToken {
                    span: back(t.span()),
                    chars: Span::default(),
                    kind: t.kind(),
                    lemma,
                });
                if tagging {
                    tagger.push(t.text(), t.span());
                }
            }
            doc.sentences.push(DocSentence {
                span: back(sentence_span),
                chars: Span::default(),
                tokens: first..doc.tokens.len(),
            });
            if tagging {
                tagger.tag(&mut sink);
            }
        }
        doc.entities.truncate(used);

        doc.fill_chars();
    }

    /// Analyses every text, giving the documents in input order. With the
    /// `rayon` feature the texts are analysed in parallel; without it, one
    /// after another.
    ///
    /// ```
    /// let docs = kazakh::Pipeline::new().analyze_batch(&["Бір.", "Екі үш."]);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1].tokens().len(), 3);
    /// ```
    pub fn analyze_batch(&self, texts: &[&str]) -> Vec<Document> {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            texts.par_iter().map(|text| self.analyze(text)).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            texts.iter().map(|text| self.analyze(text)).collect()
        }
    }
}

/// The analysis of one text: its sentences, tokens, numbers and entities,
/// each with a byte span into the text and the matching char span.
///
/// With the `serde` feature a document serializes in the crate's one JSON
/// schema (`docs/schema.md`), with byte offsets; see
/// `kazakh::schema::DocumentView` for char offsets and meta data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    text: String,
    sentences: Vec<DocSentence>,
    tokens: Vec<DocToken>,
    lemmas: String,
    numbers: Vec<DocNumber>,
    entities: Vec<DocEntity>,
}

/// A sentence of a [`Document`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DocSentence {
    /// Byte offsets in the original text.
    pub span: Span,
    /// Char offsets in the original text.
    pub chars: Span,
    /// Indices of its tokens in [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// A token of a [`Document`]; its text and lemma are given by
/// [`Document::token_text`] and [`Document::lemma`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DocToken {
    /// Byte offsets in the original text.
    pub span: Span,
    /// Char offsets in the original text.
    pub chars: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// Where the lemma is in the document's lemma buffer.
    lemma: Option<Span>,
}

/// A number mention of a [`Document`] (see [`crate::numbers`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DocNumber {
    /// Byte offsets in the original text.
    pub span: Span,
    /// Char offsets in the original text.
    pub chars: Span,
    /// What it counts.
    pub kind: NumberKind,
    /// Its exact value.
    pub value: Value,
    /// `%`, an ISO 4217 code or a unit name, when known.
    pub unit: Option<&'static str>,
    /// The qualifier, when the value is bounded or approximate.
    pub approx: Option<Approx>,
    /// Indices of its tokens in [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// A value with its relative time resolved against `date`, if any.
fn anchored(value: Value, date: Option<Date>) -> Value {
    match (value, date) {
        (Value::Time(t), Some(d)) => Value::Time(t.anchored(d)),
        _ => value,
    }
}

impl DocNumber {
    /// The KazNERD label (see [`crate::numbers::NumberMention::label`]).
    pub fn label(&self) -> &'static str {
        if self.kind == NumberKind::Duration && crate::numbers::is_clock_duration(&self.value) {
            "TIME"
        } else {
            self.kind.label()
        }
    }
}

/// A named entity of a [`Document`] (see [`crate::ner`]).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DocEntity {
    /// Byte offsets in the original text.
    pub span: Span,
    /// Char offsets in the original text.
    pub chars: Span,
    /// Person, location or organization.
    pub label: Label,
    /// The name in nominative form (`Ақтөбе облысы`).
    pub lemma: String,
    /// The tagger's confidence, in 0..=1.
    pub score: f32,
    /// Indices of its tokens in [`Document::tokens`].
    pub tokens: Range<usize>,
}

impl Document {
    /// Empties the document, keeping its buffers.
    fn clear(&mut self) {
        self.text.clear();
        self.sentences.clear();
        self.tokens.clear();
        self.lemmas.clear();
        self.numbers.clear();
        // Entities keep their lemma strings for reuse.
    }

    /// The original text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original text at `span` (empty when the span is out of range).
    pub fn text_at(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The sentences, in order.
    pub fn sentences(&self) -> &[DocSentence] {
        &self.sentences
    }

    /// The tokens of the whole text, in order.
    pub fn tokens(&self) -> &[DocToken] {
        &self.tokens
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &DocSentence) -> &[DocToken] {
        self.tokens.get(sentence.tokens.clone()).unwrap_or(&[])
    }

    /// The number mentions, in order.
    pub fn numbers(&self) -> &[DocNumber] {
        &self.numbers
    }

    /// Resolves the relative dates and times of the document's numbers
    /// against `date`, the document's own date (for a corpus whose
    /// documents are dated; [`Pipeline::date`] sets one date for all).
    /// Values already resolved do not change.
    ///
    /// ```
    /// let mut doc = kazakh::Pipeline::new().analyze("Былтыр келді.");
    /// doc.anchor("2024-06-15".parse().unwrap());
    /// assert_eq!(doc.numbers()[0].value.to_string(), "2023");
    /// ```
    pub fn anchor(&mut self, date: Date) {
        for n in &mut self.numbers {
            n.value = anchored(n.value, Some(date));
        }
    }

    /// The entities, in order.
    pub fn entities(&self) -> &[DocEntity] {
        &self.entities
    }

    /// A token's text in the original.
    pub fn token_text(&self, token: &DocToken) -> &str {
        self.text_at(token.span)
    }

    /// A token's lemma; `None` when lemmas were not asked for.
    pub fn lemma(&self, token: &DocToken) -> Option<&str> {
        token.lemma.and_then(|s| self.lemmas.get(s.range()))
    }

    /// Fills the char spans of every item: the tokens' in one pass over
    /// the text; a sentence, number or entity that begins and ends with
    /// its tokens takes theirs, and any other is counted.
    fn fill_chars(&mut self) {
        let text = self.text.as_str();
        let mut c = CharOffsets::new(text);
        for t in &mut self.tokens {
            t.chars = c.next_span(t.span);
        }
        let tokens = &self.tokens;
        let mut c = CharOffsets::new(text);
        let mut chars = |span: Span, range: &Range<usize>| -> Span {
            let first = tokens.get(range.start);
            let last = range.end.checked_sub(1).and_then(|k| tokens.get(k));
            match (first, last) {
                (Some(first), Some(last))
                    if first.span.start == span.start && last.span.end == span.end =>
                {
                    Span::new(first.chars.start, last.chars.end)
                }
                _ => c.span(span),
            }
        };
        for s in &mut self.sentences {
            s.chars = chars(s.span, &s.tokens);
        }
        for n in &mut self.numbers {
            n.chars = chars(n.span, &n.tokens);
        }
        for e in &mut self.entities {
            e.chars = chars(e.span, &e.tokens);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn types_are_send_and_sync() {
        assert_send_sync::<Pipeline>();
        assert_send_sync::<Document>();
    }

    #[test]
    fn spans_are_slices_of_the_original() {
        let text = "Шаhар\u{00AD}да бiрi “жақсы” 1,5 млн теңге. Тоқаев Астанаға келдi.";
        let mut p = Pipeline::new();
        for norm in [false, true] {
            p.normalization(norm);
            let doc = p.analyze(text);
            for t in doc.tokens() {
                assert!(text.get(t.span.range()).is_some());
                let chars: String = text
                    .chars()
                    .skip(t.chars.start)
                    .take(t.chars.len())
                    .collect();
                assert_eq!(chars, doc.token_text(t));
            }
        }
    }

    #[test]
    fn stages_off_leave_lists_empty() {
        let mut p = Pipeline::new();
        p.lemmas(false).numbers(false).entities(false);
        let doc = p.analyze("Тоқаев 5 мың теңге берді.");
        assert!(doc.numbers().is_empty() && doc.entities().is_empty());
        assert_eq!(doc.lemma(&doc.tokens()[0]), None);
        assert_eq!(p.analyze("").tokens().len(), 0);
    }
}
