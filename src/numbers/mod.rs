//! Numbers, percentages, amounts, quantities, ordinals, and dates, times,
//! durations and sets, with exact values.
//!
//! [`extract`] finds every mention in raw text, figures and temporal
//! expressions in one stream (the values of the temporal ones are
//! [`Timex`](crate::time::Timex)es, see [`crate::time`]); [`extract_tokens`] does the
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
use crate::time::{Date, Timex};

mod decimal;
mod extract;
mod lexicon;
mod phrase;
mod temporal;

pub use decimal::Decimal;
pub use extract::{extract, extract_tokens, join_tokens, parse_words};
pub(crate) use extract::{extract_glued, join_glued, may_be_negative, minus_against, negate};
pub(crate) use lexicon::{is_ablative, names_percent, number_stem_len};

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
    /// A date, a stretch of the calendar, or a reference to the present,
    /// past or future: `2026 жылы`, `27-нші наурыз`, `биыл`, `өткен
    /// аптада`, `бүгінде`.
    Date,
    /// A time of day, with or without a date: `сағат 14:30-да`,
    /// `таңертең`, `кеше кешке`.
    Time,
    /// A length of time: `3 жылға`, `жарты сағат`, `екі апта`.
    Duration,
    /// A recurring time: `жыл сайын`, `күнделікті`.
    Set,
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
            NumberKind::Time => "time",
            NumberKind::Duration => "duration",
            NumberKind::Set => "set",
        }
    }

    /// The KazNERD / OntoNotes label: CARDINAL, ORDINAL, PERCENTAGE, MONEY,
    /// QUANTITY, DATE, TIME. Durations and sets are DATE here; a duration
    /// of hours or minutes is TIME by the corpus's convention, which
    /// [`NumberMention::label`] applies.
    pub const fn label(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "CARDINAL",
            NumberKind::Ordinal => "ORDINAL",
            NumberKind::Percent => "PERCENTAGE",
            NumberKind::Money => "MONEY",
            NumberKind::Quantity => "QUANTITY",
            NumberKind::Date | NumberKind::Duration | NumberKind::Set => "DATE",
            NumberKind::Time => "TIME",
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
    /// The value of a date, time, duration or set.
    Time(Timex),
}

impl fmt::Display for Value {
    /// `1125600000000`, `2024..2029`, or `overflow`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Exact(d) => write!(f, "{d}"),
            Value::Range { min, max } => write!(f, "{min}..{max}"),
            Value::Overflow => f.write_str("overflow"),
            Value::Time(t) => write!(f, "{t}"),
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
    /// The KazNERD label: [`NumberKind::label`], except that a duration of
    /// hours, minutes or seconds is TIME (`бір сағат`), as the corpus
    /// labels it.
    pub fn label(&self) -> &'static str {
        if self.kind == NumberKind::Duration && is_clock_duration(&self.value) {
            "TIME"
        } else {
            self.kind.label()
        }
    }
    /// The mention with its relative time value resolved against a
    /// document date (see [`Timex::anchored`]); other mentions are
    /// returned unchanged.
    ///
    /// ```
    /// let date = "2024-06-15".parse().unwrap();
    /// let found = kazakh::numbers::extract("Былтыр 12 мамырда");
    /// let values: Vec<String> = found.iter().map(|m| m.anchored(date).value().to_string()).collect();
    /// assert_eq!(values, ["2023", "2024-05-12"]);
    /// ```
    pub fn anchored(&self, date: Date) -> NumberMention<'a> {
        let mut m = self.clone();
        if let Value::Time(t) = m.value {
            m.value = Value::Time(t.anchored(date));
        }
        m
    }
}

/// Whether a value is a duration of hours, minutes or seconds.
pub(crate) fn is_clock_duration(value: &Value) -> bool {
    matches!(value, Value::Time(t) if t.value().is_clock_duration())
}

#[cfg(test)]
mod tests;
