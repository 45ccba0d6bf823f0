//! Numbers, percentages, amounts, quantities, ordinals and dates, with
//! exact values.
//!
//! [`extract`] finds every mention in raw text; [`extract_tokens`] does the
//! same over pre-tokenized input (one string per token, as in CoNLL files);
//! [`parse_words`] reads a phrase of Kazakh number words alone.
//!
//! ```
//! use kazakh::numbers::{extract, NumberKind};
//!
//! let text = "Құны 1 трлн 125,6 млрд теңге, инфляция 3,2%-ға төмендеді.";
//! let found = extract(text);
//! assert_eq!(found[0].text(), "1 трлн 125,6 млрд теңге");
//! assert_eq!(found[0].kind(), NumberKind::Money);
//! assert_eq!(found[0].value().to_string(), "1125600000000");
//! assert_eq!(found[0].unit(), Some("KZT"));
//! assert_eq!(found[1].text(), "3,2%-ға");
//! assert_eq!(found[1].kind(), NumberKind::Percent);
//! assert_eq!(kazakh::numbers::parse_words("бір мың тоғыз жүз").unwrap().to_string(), "1900");
//! ```

use core::fmt;
use core::ops::Range;

use crate::span::Span;

mod decimal;
mod extract;
mod lexicon;

pub use decimal::Decimal;
pub use extract::{extract, extract_tokens, join_tokens, parse_words};

/// What a number mention counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum NumberKind {
    /// A count: `бес`, `1 250`, `мыңнан астам`.
    Cardinal,
    /// A rank: `бірінші`, `1-інші`, `55-ші`, `XXI`.
    Ordinal,
    /// `3,2%`, `64 пайыз`, `30 процентке`.
    Percent,
    /// An amount of money: `125,6 млрд теңге`, `$5`.
    Money,
    /// A measured quantity: `900 мың тонна`, `34000 гектар`.
    Quantity,
    /// A year, a date or a duration: `2026 жылы`, `27-нші наурыз`, `екі жыл`.
    Date,
}

impl NumberKind {
    /// Lower-case name, as in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Percent => "percent",
            NumberKind::Money => "money",
            NumberKind::Quantity => "quantity",
            NumberKind::Date => "date",
        }
    }

    /// The KazNERD / OntoNotes label: CARDINAL, ORDINAL, PERCENTAGE, MONEY,
    /// QUANTITY, DATE.
    pub const fn label(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "CARDINAL",
            NumberKind::Ordinal => "ORDINAL",
            NumberKind::Percent => "PERCENTAGE",
            NumberKind::Money => "MONEY",
            NumberKind::Quantity => "QUANTITY",
            NumberKind::Date => "DATE",
        }
    }
}

/// A qualifier that bounds or approximates the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Approx {
    /// More than: `мыңнан астам / аса / артық`.
    Over,
    /// Less than: `мыңнан кем`.
    Under,
    /// Up to: `мыңға дейін / шейін`.
    UpTo,
    /// About: `шамамен`, `жуық`, `тарта`, `шақты`, `шамасында`, `-дай/-дей`.
    About,
}

impl Approx {
    /// Name as in JSON: over, under, up_to, about.
    pub const fn as_str(self) -> &'static str {
        match self {
            Approx::Over => "over",
            Approx::Under => "under",
            Approx::UpTo => "up_to",
            Approx::About => "about",
        }
    }

    /// Prefix used in CoNLL output: `>`, `<`, `<=`, `~`.
    pub const fn prefix(self) -> &'static str {
        match self {
            Approx::Over => ">",
            Approx::Under => "<",
            Approx::UpTo => "<=",
            Approx::About => "~",
        }
    }
}

/// The value of a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Value {
    /// One exact value.
    Exact(Decimal),
    /// A range `min`–`max` (`2024-2029`, `5-7 пайыз`).
    Range {
        /// Lower end.
        min: Decimal,
        /// Upper end.
        max: Decimal,
    },
    /// The number is too large to represent exactly (more than about 38
    /// digits): reported, never wrapped or rounded.
    Overflow,
}

impl fmt::Display for Value {
    /// `1125600000000`, `2024..2029`, or `overflow`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Exact(d) => write!(f, "{d}"),
            Value::Range { min, max } => write!(f, "{min}..{max}"),
            Value::Overflow => f.write_str("overflow"),
        }
    }
}

/// One number mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberMention<'a> {
    pub(crate) text: &'a str,
    pub(crate) span: Span,
    pub(crate) tokens: Range<usize>,
    pub(crate) kind: NumberKind,
    pub(crate) value: Value,
    pub(crate) unit: Option<&'static str>,
    pub(crate) approx: Option<Approx>,
}

impl<'a> NumberMention<'a> {
    /// The mention's text: a slice of the input (for [`extract_tokens`], of
    /// the tokens joined by single spaces).
    pub fn text(&self) -> &'a str {
        self.text
    }
    /// Byte offsets of the mention in the input.
    pub fn span(&self) -> Span {
        self.span
    }
    /// The indices of the mention's tokens.
    pub fn tokens(&self) -> Range<usize> {
        self.tokens.clone()
    }
    /// What the mention counts.
    pub fn kind(&self) -> NumberKind {
        self.kind
    }
    /// Its value.
    pub fn value(&self) -> Value {
        self.value
    }
    /// `%` for percentages, an ISO 4217 code for money (`KZT`, `USD`, `RUB`,
    /// `EUR`, `CNY`), the unit's name for quantities (`тонна`, `гектар`, …).
    pub fn unit(&self) -> Option<&'static str> {
        self.unit
    }
    /// The qualifier, when the value is bounded or approximate.
    pub fn approx(&self) -> Option<Approx> {
        self.approx
    }
}

#[cfg(test)]
mod tests;
