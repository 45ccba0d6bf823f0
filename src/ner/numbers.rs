//! Number mentions with the spans the tagger proposes and the values the
//! rules read.
//!
//! The tagger sees the rule-based extractor's mentions as features and has
//! learned from KazNERD where its spans follow the corpus conventions and
//! where not (qualifiers, units, years). Its spans win; each takes the
//! value, unit and qualifier of the rule mention it overlaps most, or the
//! value [`crate::numbers::parse_words`] reads from its text. Rule mentions
//! the tagger does not cover are dropped, except dates, which the tagger
//! does not label.

use std::ops::Range;

use super::features::RuleMention;
use super::{Pieces, Recognizer};
use crate::eval::iob2;
use crate::numbers::{NumberKind, NumberMention, Value};
use crate::Span;

/// The number kind of a KazNERD type.
fn kind_of(kind: &str) -> Option<NumberKind> {
    match kind {
        "CARDINAL" => Some(NumberKind::Cardinal),
        "ORDINAL" => Some(NumberKind::Ordinal),
        "PERCENTAGE" => Some(NumberKind::Percent),
        "MONEY" => Some(NumberKind::Money),
        "QUANTITY" => Some(NumberKind::Quantity),
        _ => None,
    }
}

/// Merges the tagger's number spans of one sentence with the rule
/// mentions the feature extractor found; both are ranges of the tagger's
/// `pieces`, and each mention covers the whole tokens they come from.
/// `spans` are the tokens' byte spans in `text`; `first` is added to token
/// indices.
pub(super) fn merge<'a>(
    text: &'a str,
    spans: &[Span],
    pieces: &Pieces<'_>,
    rules: &[RuleMention],
    tags: &[&str],
    first: usize,
    out: &mut Vec<NumberMention<'a>>,
) {
    // The span, text and token indices of a range of pieces.
    let place = |range: &Range<usize>| -> Option<(Span, &'a str, Range<usize>)> {
        let tokens = pieces.tokens(range);
        let (Some(a), Some(b)) = (
            spans.get(tokens.start),
            spans.get(tokens.end.checked_sub(1)?),
        ) else {
            return None;
        };
        let span = Span::new(a.start, b.end);
        let tokens = first + tokens.start..first + tokens.end;
        text.get(span.range()).map(|slice| (span, slice, tokens))
    };
    let overlap =
        |a: &Range<usize>, b: &Range<usize>| a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let mut used = vec![false; rules.len()];
    let mut found = Vec::new();
    for e in iob2::entities(tags) {
        let Some(kind) = kind_of(e.label) else {
            continue;
        };
        let range = e.start..e.end;
        let Some((span, slice, tokens)) = place(&range) else {
            continue;
        };
        let best = (0..rules.len())
            .filter(|&i| overlap(&rules[i].tokens, &range) > 0)
            .max_by_key(|&i| overlap(&rules[i].tokens, &range));
        let (value, unit, approx) = match best {
            Some(i) => {
                used[i] = true;
                (rules[i].value, rules[i].unit, rules[i].approx)
            }
            None => match crate::numbers::parse_words(slice) {
                Some(v) => (Value::Exact(v), None, None),
                None => continue,
            },
        };
        let unit = match (kind, unit) {
            (NumberKind::Percent, _) => Some("%"),
            (NumberKind::Money | NumberKind::Quantity, u) => u,
            _ => None,
        };
        found.push(NumberMention {
            text: slice,
            span,
            tokens,
            kind,
            value,
            unit,
            approx,
        });
    }
    for (m, used) in rules.iter().zip(used) {
        if used || m.kind != NumberKind::Date {
            continue;
        }
        if let Some((span, slice, tokens)) = place(&m.tokens) {
            found.push(NumberMention {
                text: slice,
                span,
                tokens,
                kind: m.kind,
                value: m.value,
                unit: m.unit,
                approx: m.approx,
            });
        }
    }
    found.sort_by_key(|m| (m.span.start, m.span.end));
    out.extend(found);
}

impl Recognizer {
    /// The numbers, percentages, amounts, quantities and ordinals of raw
    /// text with the spans the tagger proposes (KazNERD's conventions) and
    /// the values the rules read; dates as the rules find them. With a
    /// model that has no number types, only the dates remain: use
    /// [`crate::numbers::extract`] then.
    ///
    /// ```
    /// let r = kazakh::ner::Recognizer::default();
    /// let text = "Бюджетке 3,2 миллиард теңге бөлінді.";
    /// for m in r.numbers(text) {
    ///     assert_eq!(&text[m.span().range()], m.text());
    /// }
    /// ```
    pub fn numbers<'a>(&self, text: &'a str) -> Vec<NumberMention<'a>> {
        let mut out = Vec::new();
        self.pass(text, None, Some(&mut out));
        out
    }

    /// [`Recognizer::numbers`] over one pre-tokenized sentence; `joined`
    /// must be the tokens joined by single spaces (see
    /// [`crate::numbers::join_tokens`]), and spans refer to it.
    pub fn numbers_tokens<'a>(&self, tokens: &[&str], joined: &'a str) -> Vec<NumberMention<'a>> {
        let mut work = super::Work::default();
        let mut pieces = Pieces::default();
        pieces.split(tokens);
        self.run(&pieces.words, &mut work);
        let tags: Vec<&str> = work.d.best.iter().map(|&l| self.label(l)).collect();
        // Spans past a `joined` that does not match come out of `merge` as
        // no mention (it slices with `get`).
        let spans = super::joined_spans(tokens);
        let mut out = Vec::new();
        merge(joined, &spans, &pieces, &work.x.rules, &tags, 0, &mut out);
        out
    }
}
