//! The crate's one error type.

use core::fmt;

/// What went wrong, in broad categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Input in a structured format (CoNLL-U, IOB2, a model file) is malformed.
    Parse,
    /// Bytes that should be UTF-8 are not.
    InvalidUtf8,
    /// A value is outside what the operation accepts.
    InvalidInput,
    /// A model file is not a model of this crate, is of another format
    /// version, or is truncated or corrupted.
    Model,
    /// A model file is whole and of a format version this library reads,
    /// but was trained with another feature set than this library
    /// extracts (see [`crate::ner::FEATURE_SET`]): its weights belong to
    /// other features and would tag badly. Retrain it with this version's
    /// trainer (`kazakh train ner`, feature `train`).
    FeatureSet,
    /// Reading from a reader failed.
    Io,
    /// A document is longer than the limit set for it (see
    /// [`crate::Pipeline::max_bytes`]).
    TooLarge,
}

/// An error from this crate: a kind, a message, and where known a line
/// number or byte offset in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    line: Option<usize>,
    offset: Option<usize>,
}

impl Error {
    /// Creates an error of `kind` with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            line: None,
            offset: None,
        }
    }

    /// Attaches a 1-based line number.
    pub fn with_line(mut self, line: usize) -> Error {
        self.line = Some(line);
        self
    }

    /// Attaches a byte offset.
    pub fn with_offset(mut self, offset: usize) -> Error {
        self.offset = Some(offset);
        self
    }

    /// The category of the error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The 1-based line number of the input where the error was found, if known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The byte offset in the input where the error was found, if known.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// The message without location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.offset) {
            (Some(l), _) => write!(f, "line {l}: {}", self.message),
            (None, Some(o)) => write!(f, "byte {o}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// Checks that `bytes` are UTF-8, with an error naming the first bad byte
/// (feature `eval`: for tools that read corpora and files).
///
/// ```
/// assert!(kazakh::from_utf8(b"ok").is_ok());
/// let err = kazakh::from_utf8(b"ab\xffcd").unwrap_err();
/// assert_eq!(err.offset(), Some(2));
/// ```
#[cfg(feature = "eval")]
pub fn from_utf8(bytes: &[u8]) -> Result<&str, Error> {
    core::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorKind::InvalidUtf8,
            format!("invalid UTF-8 at byte offset {}", e.valid_up_to()),
        )
        .with_offset(e.valid_up_to())
    })
}
