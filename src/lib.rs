//! Kazakh text processing: lossless tokenization, sentence splitting and
//! normalization with offsets into the original text.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
pub mod eval;
pub mod normalize;
mod sentences;
mod span;
mod tokenizer;

pub use error::{from_utf8, Error, ErrorKind};
pub use normalize::{normalize, Normalized, Normalizer};
pub use sentences::{sentences, Sentence, Sentences};
pub use span::Span;
pub use tokenizer::{tokenize, Token, TokenKind, Tokens};
