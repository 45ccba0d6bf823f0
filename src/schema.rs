//! The one JSON schema of the crate and of the `kazakh` command (feature
//! `serde`), documented field by field in `docs/schema.md`.
//!
//! Every JSON object the crate or the command writes is one of these views:
//!
//! | view | what it is | written by |
//! |---|---|---|
//! | [`DocumentView`] | a whole analysed [`Document`], with `"schema"` and `"offsets"` | `Document`'s own `Serialize` (bytes), `kazakh annotate --format jsonl` |
//! | [`TokenView`] | one token | inside documents, inside [`TokenizedSentenceView`] |
//! | [`TokenizedSentenceView`] | one sentence with its token objects | `kazakh tokenize --format jsonl` |
//! | [`NumberView`] | one number mention | inside documents, `kazakh numbers --format jsonl` |
//! | [`EntityView`] | one named entity | inside documents, `kazakh ner --format jsonl` |
//!
//! Offsets are byte offsets into the UTF-8 text or char (Unicode scalar
//! value, as Python counts them) offsets, as [`Offsets`] says; a document
//! says which in its `"offsets"` field. Item views take their `start` and
//! `end` already in the chosen unit (see [`crate::CharOffsets`]).
//!
//! Exact values travel as JSON numbers, plus an exact decimal string where
//! a binary double cannot hold the value (see [`NumberView`]).
//!
//! ```
//! use kazakh::schema::{DocumentView, Offsets};
//!
//! let doc = kazakh::Pipeline::new().analyze("Құны 1,5 млн теңге.");
//! let json = serde_json::to_string(&DocumentView::new(&doc, Offsets::Chars)).unwrap();
//! assert!(json.starts_with(r#"{"schema":2,"offsets":"chars","sentences":[{"start":0,"end":19,"tokens":[0,5]}]"#));
//! assert!(json.contains(r#""value":1500000,"unit":"KZT""#));
//! ```

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use crate::ner::Entity;
use crate::numbers::{Approx, Decimal, NumberKind, NumberMention, Value};
use crate::pipeline::{DocEntity, DocNumber, DocSentence, DocToken, Document};
use crate::span::Span;
use crate::tokenizer::{Token, TokenKind};

/// The version of the schema, written as `"schema"` on every document.
/// It changes when a field changes meaning or is removed; new optional
/// fields do not change it.
pub const SCHEMA_VERSION: u32 = 2;

/// The unit of `start` and `end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Offsets {
    /// Byte offsets into the UTF-8 text (Rust's unit).
    #[default]
    Bytes,
    /// Char offsets: Unicode scalar values (Python's unit).
    Chars,
}

impl Offsets {
    /// `"bytes"` or `"chars"`, as in a document's `"offsets"` field.
    pub const fn as_str(self) -> &'static str {
        match self {
            Offsets::Bytes => "bytes",
            Offsets::Chars => "chars",
        }
    }
}

/// A whole [`Document`] in the chosen offsets, with optional `"meta"`
/// carried through from corpus input:
/// `{"schema","offsets","sentences","tokens","entities","numbers","meta"?}`.
///
/// A [`Document`] serializes itself as `DocumentView::new(doc,
/// Offsets::Bytes)`.
#[derive(Clone, Copy, Debug)]
pub struct DocumentView<'a, M = ()> {
    doc: &'a Document,
    offsets: Offsets,
    meta: Option<&'a M>,
}

impl<'a> DocumentView<'a> {
    /// The view of `doc` with offsets in `offsets`, without meta data.
    pub fn new(doc: &'a Document, offsets: Offsets) -> Self {
        DocumentView {
            doc,
            offsets,
            meta: None,
        }
    }
}

impl<'a, M> DocumentView<'a, M> {
    /// The same view with `meta` written as the document's `"meta"` field
    /// (the other fields of a corpus record, or its file name).
    pub fn with_meta<N: Serialize>(self, meta: Option<&'a N>) -> DocumentView<'a, N> {
        DocumentView {
            doc: self.doc,
            offsets: self.offsets,
            meta,
        }
    }
}

impl<M> DocumentView<'_, M> {
    /// The document's `"entities"` array alone, as the view writes it
    /// (for writers that render the other fields themselves).
    pub fn entities(&self) -> impl Serialize + '_ {
        Items(self.doc, self.offsets, self.doc.entities())
    }

    /// The document's `"numbers"` array alone, as the view writes it.
    pub fn numbers(&self) -> impl Serialize + '_ {
        Items(self.doc, self.offsets, self.doc.numbers())
    }
}

impl Serialize for Document {
    /// As [`DocumentView::new`]`(self, Offsets::Bytes)`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        DocumentView::new(self, Offsets::Bytes).serialize(s)
    }
}

impl<M: Serialize> Serialize for DocumentView<'_, M> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (doc, offsets) = (self.doc, self.offsets);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("schema", &SCHEMA_VERSION)?;
        m.serialize_entry("offsets", offsets.as_str())?;
        m.serialize_entry("sentences", &Items(doc, offsets, doc.sentences()))?;
        m.serialize_entry("tokens", &Items(doc, offsets, doc.tokens()))?;
        m.serialize_entry("entities", &Items(doc, offsets, doc.entities()))?;
        m.serialize_entry("numbers", &Items(doc, offsets, doc.numbers()))?;
        if let Some(meta) = self.meta {
            m.serialize_entry("meta", meta)?;
        }
        m.end()
    }
}

/// A list of document records, each serialized as its view.
struct Items<'d, T>(&'d Document, Offsets, &'d [T]);

/// A document record with the offsets of one unit.
trait Record {
    /// The view of the record, `at` its offsets in the chosen unit.
    fn write<S: SerializeSeq>(&self, doc: &Document, at: Span, seq: &mut S)
        -> Result<(), S::Error>;
    fn spans(&self) -> (Span, Span);
}

impl<T: Record> Serialize for Items<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.2.len()))?;
        for item in self.2 {
            let (bytes, chars) = item.spans();
            let at = match self.1 {
                Offsets::Bytes => bytes,
                Offsets::Chars => chars,
            };
            item.write(self.0, at, &mut seq)?;
        }
        seq.end()
    }
}

impl Record for DocSentence {
    fn write<S: SerializeSeq>(&self, _: &Document, at: Span, seq: &mut S) -> Result<(), S::Error> {
        seq.serialize_element(&SentenceView {
            at,
            tokens: [self.tokens.start, self.tokens.end],
        })
    }
    fn spans(&self) -> (Span, Span) {
        (self.span, self.chars)
    }
}

impl Record for DocToken {
    fn write<S: SerializeSeq>(
        &self,
        doc: &Document,
        at: Span,
        seq: &mut S,
    ) -> Result<(), S::Error> {
        seq.serialize_element(&TokenView {
            text: doc.token_text(self),
            at,
            kind: self.kind,
            lemma: doc.lemma(self),
        })
    }
    fn spans(&self) -> (Span, Span) {
        (self.span, self.chars)
    }
}

impl Record for DocEntity {
    fn write<S: SerializeSeq>(
        &self,
        doc: &Document,
        at: Span,
        seq: &mut S,
    ) -> Result<(), S::Error> {
        seq.serialize_element(&EntityView {
            text: doc.text_at(self.span),
            at,
            label: self.label.as_str(),
            lemma: &self.lemma,
            score: self.score,
        })
    }
    fn spans(&self) -> (Span, Span) {
        (self.span, self.chars)
    }
}

impl Record for DocNumber {
    fn write<S: SerializeSeq>(
        &self,
        doc: &Document,
        at: Span,
        seq: &mut S,
    ) -> Result<(), S::Error> {
        seq.serialize_element(&NumberView {
            text: doc.text_at(self.span),
            at,
            kind: self.kind,
            value: self.value,
            unit: self.unit,
            approx: self.approx,
        })
    }
    fn spans(&self) -> (Span, Span) {
        (self.span, self.chars)
    }
}

/// A sentence of a document: `{"start","end","tokens":[first, end)}`, the
/// token indices half-open into the document's `"tokens"`.
struct SentenceView {
    at: Span,
    tokens: [usize; 2],
}

impl Serialize for SentenceView {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        sentence(s, self.at, &self.tokens)
    }
}

/// `{"start","end","tokens"}`: a sentence with its token indices or its
/// token objects.
fn sentence<S: Serializer, T: Serialize + ?Sized>(
    s: S,
    at: Span,
    tokens: &T,
) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(None)?;
    m.serialize_entry("start", &at.start)?;
    m.serialize_entry("end", &at.end)?;
    m.serialize_entry("tokens", tokens)?;
    m.end()
}

/// One token: `{"text","start","end","kind","lemma"?}`; `"lemma"` only
/// when lemmas were computed.
#[derive(Clone, Copy, Debug)]
pub struct TokenView<'a> {
    text: &'a str,
    at: Span,
    kind: TokenKind,
    lemma: Option<&'a str>,
}

impl<'a> TokenView<'a> {
    /// The view of `token`, `at` its offsets in the chosen unit.
    pub fn new(token: &Token<'a>, at: Span) -> Self {
        TokenView {
            text: token.text(),
            at,
            kind: token.kind(),
            lemma: None,
        }
    }

    /// The same view with a lemma.
    pub fn with_lemma(self, lemma: Option<&'a str>) -> Self {
        TokenView { lemma, ..self }
    }
}

impl Serialize for TokenView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("text", self.text)?;
        m.serialize_entry("start", &self.at.start)?;
        m.serialize_entry("end", &self.at.end)?;
        m.serialize_entry("kind", self.kind.as_str())?;
        if let Some(lemma) = self.lemma {
            m.serialize_entry("lemma", lemma)?;
        }
        m.end()
    }
}

/// One sentence with its token objects, as `kazakh tokenize --format
/// jsonl` writes it: `{"start","end","tokens":[TokenView…]}`.
#[derive(Clone, Debug)]
pub struct TokenizedSentenceView<'a> {
    at: Span,
    tokens: Vec<TokenView<'a>>,
}

impl<'a> TokenizedSentenceView<'a> {
    /// A sentence `at` these offsets with these tokens.
    pub fn new(at: Span, tokens: Vec<TokenView<'a>>) -> Self {
        TokenizedSentenceView { at, tokens }
    }
}

impl Serialize for TokenizedSentenceView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        sentence(s, self.at, &self.tokens)
    }
}

/// One named entity: `{"text","start","end","label","lemma","score"}`;
/// label `PER`, `LOC` or `ORG`, lemma the name in nominative form, score
/// the tagger's confidence rounded to three decimals.
#[derive(Clone, Copy, Debug)]
pub struct EntityView<'a> {
    text: &'a str,
    at: Span,
    label: &'static str,
    lemma: &'a str,
    score: f32,
}

impl<'a> EntityView<'a> {
    /// The view of `entity`, `at` its offsets in the chosen unit.
    pub fn new(entity: &'a Entity<'_>, at: Span) -> Self {
        EntityView {
            text: entity.text(),
            at,
            label: entity.label().as_str(),
            lemma: entity.lemma(),
            score: entity.score(),
        }
    }
}

impl Serialize for EntityView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("text", self.text)?;
        m.serialize_entry("start", &self.at.start)?;
        m.serialize_entry("end", &self.at.end)?;
        m.serialize_entry("label", self.label)?;
        m.serialize_entry("lemma", self.lemma)?;
        let score = (f64::from(self.score) * 1000.0).round() / 1000.0;
        m.serialize_entry("score", &score)?;
        m.end()
    }
}

/// One number mention:
/// `{"text","start","end","kind", value fields, "unit"?, "approx"?}`.
///
/// The value fields: `"value"` for one value, `"min"` and `"max"` for a
/// range, `"value": null, "overflow": true` for a number too large to
/// represent. Each value is a JSON number: an integer is written with all
/// its digits; a fraction is written as the nearest binary double, in the
/// shortest form that reads back to it. When a double cannot hold the
/// value (it would not read back as the same decimal: more than about 15
/// significant digits, or an integer beyond 2^53), the exact decimal
/// follows as a string in `"value_exact"` (`"min_exact"`, `"max_exact"`).
#[derive(Clone, Copy, Debug)]
pub struct NumberView<'a> {
    text: &'a str,
    at: Span,
    kind: NumberKind,
    value: Value,
    unit: Option<&'static str>,
    approx: Option<Approx>,
}

impl<'a> NumberView<'a> {
    /// The view of `mention`, `at` its offsets in the chosen unit.
    pub fn new(mention: &NumberMention<'a>, at: Span) -> Self {
        NumberView {
            text: mention.text(),
            at,
            kind: mention.kind(),
            value: mention.value(),
            unit: mention.unit(),
            approx: mention.approx(),
        }
    }
}

impl Serialize for NumberView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("text", self.text)?;
        m.serialize_entry("start", &self.at.start)?;
        m.serialize_entry("end", &self.at.end)?;
        m.serialize_entry("kind", self.kind.as_str())?;
        match self.value {
            Value::Exact(d) => {
                let d = Exact::of(d);
                m.serialize_entry("value", &d)?;
                if !d.fits {
                    m.serialize_entry("value_exact", &d.digits)?;
                }
            }
            Value::Range { min, max } => {
                let (min, max) = (Exact::of(min), Exact::of(max));
                m.serialize_entry("min", &min)?;
                m.serialize_entry("max", &max)?;
                if !min.fits {
                    m.serialize_entry("min_exact", &min.digits)?;
                }
                if !max.fits {
                    m.serialize_entry("max_exact", &max.digits)?;
                }
            }
            Value::Overflow => {
                m.serialize_entry("value", &None::<()>)?;
                m.serialize_entry("overflow", &true)?;
            }
            Value::Time(t) => {
                let value = t.value();
                match t.max() {
                    Some(max) => {
                        m.serialize_entry("min", &Iso(value))?;
                        m.serialize_entry("max", &Iso(max))?;
                    }
                    None if value.is_known() => m.serialize_entry("value", &Iso(value))?,
                    None => m.serialize_entry("value", &None::<()>)?,
                }
                if let Some(offset) = value.offset() {
                    m.serialize_entry("offset", &Iso(offset))?;
                }
                if let Some(nearest) = value.nearest() {
                    m.serialize_entry("nearest", nearest.as_str())?;
                }
                if let Some(modifier) = t.modifier() {
                    m.serialize_entry("mod", modifier.as_str())?;
                }
                if let Some(bound) = t.bound() {
                    m.serialize_entry("bound", bound.as_str())?;
                }
            }
        }
        if let Some(unit) = self.unit {
            m.serialize_entry("unit", unit)?;
        }
        if let Some(approx) = self.approx {
            m.serialize_entry("approx", approx.as_str())?;
        }
        m.end()
    }
}

/// A temporal value on its way to JSON: its ISO 8601 text as a string.
struct Iso<T>(T);

impl<T: core::fmt::Display> Serialize for Iso<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// An exact decimal on its way to JSON: its digits, and whether a binary
/// double holds it (reads back as the same decimal).
struct Exact {
    digits: String,
    fits: bool,
}

impl Exact {
    fn of(d: Decimal) -> Exact {
        let digits = d.to_string();
        // Rust prints a double in the shortest form that reads back to it,
        // never with an exponent: equal text means the double is exact
        // enough for every reader.
        let fits = digits
            .parse::<f64>()
            .is_ok_and(|f| f.is_finite() && f.to_string() == digits);
        Exact { digits, fits }
    }
}

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let digits = self.digits.as_str();
        if !digits.contains('.') {
            if let Ok(n) = digits.parse::<i64>() {
                return s.serialize_i64(n);
            }
            if let Ok(n) = digits.parse::<i128>() {
                return s.serialize_i128(n);
            }
        }
        match digits.parse::<f64>() {
            Ok(f) if f.is_finite() => s.serialize_f64(f),
            // Not reached: a decimal's digits always parse.
            _ => s.serialize_str(digits),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_decimals() {
        let d = |s: &str| Exact::of(Decimal::parse(s).unwrap());
        for fits in [
            "0",
            "7",
            "0,1",
            "125,6",
            "1125600000000",
            "9007199254740992",
        ] {
            assert!(d(fits).fits, "{fits}");
        }
        for not in ["9007199254740993", "0,12345678901234567891"] {
            assert!(!d(not).fits, "{not}");
        }
    }
}
