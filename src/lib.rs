//! Kazakh text processing: lossless tokenization, sentence splitting and
//! normalization with offsets into the original text.
//!
//! # Overview
//!
//! | item | what it gives |
//! |---|---|
//! | [`tokenize`] → [`Tokens`] of [`Token`] | exact tokens following UD Kazakh conventions, each a slice of your text with its [`Span`] and [`TokenKind`]; no allocation |
//! | [`sentences`] → [`Sentences`] of [`Sentence`] | sentence spans with their tokens, tokenizing once |
//! | [`normalize()`] / [`Normalizer`] → [`Normalized`] | look-alike letters repaired, quotes, dashes and spaces folded, invisible characters dropped, NFC; borrowed when nothing changes; offsets map back to the original |
//! | [`numbers`] | every number, percentage, amount, quantity and ordinal with its exact value, unit and qualifier, and every date, time, duration and set with its ISO 8601 value |
//! | [`time`] | the values of temporal expressions (TIMEX3 in ISO 8601) and their anchoring to a document date ([`time::Date`]) |
//! | [`morph`] | lemmas as UD Kazakh writes them, suffix analysis (case, possessive, plural, verb endings) ranked with a stem lexicon, case endings |
//! | [`ner`] → [`ner::Recognizer`] | people, places and organizations with their nominative names ([`ner::nominative`]), and number spans by KazNERD's conventions, from an embedded trained model |
//! | [`Pipeline`] → [`Document`] | everything in one call: sentences, tokens with lemmas, numbers and entities, byte and char spans into the original text (also after normalization); [`Pipeline::analyze_batch`] in parallel with the `rayon` feature |
//! | `schema` (feature `serde`) | the one JSON schema of documents, tokens, numbers and entities, in byte or char offsets (`docs/schema.md`) |
//! | `eval` (feature `eval`) | CoNLL-U and IOB2 reading, CoNLL 2018 segmentation scores, strict span scores |
//! | [`Error`] | the crate's one error type |
//!
//! Every span is a pair of byte offsets into the text you passed in; use
//! [`Span::to_chars`] (or [`CharOffsets`] for many spans) or [`Span::to_utf16`] for Python or JavaScript
//! consumers. No public function panics on any `&str`.
//!
//! ```
//! let text = "Инфляция 3,2%-ға төмендеді.Бүгін «Ақ жол» партиясы жиналды.";
//! let sentences: Vec<Vec<&str>> = kazakh::sentences(text)
//!     .map(|s| s.tokens().iter().map(|t| t.text()).collect())
//!     .collect();
//! assert_eq!(sentences[0], ["Инфляция", "3,2%-ға", "төмендеді", "."]);
//! assert_eq!(sentences[1], ["Бүгін", "«", "Ақ", "жол", "»", "партиясы", "жиналды", "."]);
//! ```
//!
//! The conventions are written down in `DESIGN.md` in the repository.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
#[cfg(feature = "eval")]
pub mod eval;
mod hash;
mod letters;
pub mod morph;
pub mod ner;
pub mod normalize;
pub mod numbers;
mod pipeline;
#[cfg(feature = "serde")]
pub mod schema;
mod sentences;
mod span;
pub mod time;
mod tokenizer;

#[cfg(feature = "eval")]
pub use error::from_utf8;
pub use error::{Error, ErrorKind};
pub use normalize::{normalize, Normalized, Normalizer};
pub use pipeline::{
    DocEntity, DocNumber, DocSentence, DocToken, Document, Pipeline, DEFAULT_MAX_DOC_BYTES,
};
pub use sentences::{sentences, Sentence, Sentences, MAX_SENTENCE_TOKENS};
pub use span::{CharOffsets, Span};
pub use tokenizer::{tokenize, Token, TokenKind, Tokens};

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
