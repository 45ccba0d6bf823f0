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

use super::Recognizer;
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
/// mentions. `rules` have token ranges relative to the sentence; `spans`
/// are the tokens' byte spans in `text`; `first` is added to token indices.
fn merge<'a>(
    text: &'a str,
    spans: &[Span],
    rules: Vec<NumberMention<'a>>,
    tags: &[&str],
    first: usize,
    out: &mut Vec<NumberMention<'a>>,
) {
    let overlap =
        |a: &Range<usize>, b: &Range<usize>| a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let mut used = vec![false; rules.len()];
    let mut found = Vec::new();
    for e in iob2::entities(tags) {
        let Some(kind) = kind_of(e.label) else {
            continue;
        };
        let range = e.start..e.end;
        let (Some(first_span), Some(last_span)) = (spans.get(e.start), spans.get(e.end - 1)) else {
            continue;
        };
        let span = Span::new(first_span.start, last_span.end);
        let Some(slice) = text.get(span.range()) else {
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
            tokens: first + range.start..first + range.end,
            kind,
            value,
            unit,
            approx,
        });
    }
    for (m, used) in rules.into_iter().zip(used) {
        if !used && m.kind == NumberKind::Date {
            let tokens = first + m.tokens.start..first + m.tokens.end;
            found.push(NumberMention { tokens, ..m });
        }
    }
    found.sort_by_key(|m| (m.span.start, m.span.end));
    out.extend(found);
}

/// The number mentions of one sentence of `text` whose tokens have the
/// byte `spans` and the tagger's labels `tags`; `first` is the index of the
/// sentence's first token in the text.
pub(super) fn merge_sentence<'a>(
    text: &'a str,
    sentence: &crate::Sentence<'a>,
    spans: &[Span],
    tags: &[&str],
    first: usize,
    out: &mut Vec<NumberMention<'a>>,
) {
    // The rules over the sentence's own text, moved to the text's offsets.
    let start = sentence.span().start;
    let rules: Vec<NumberMention<'a>> = crate::numbers::extract(sentence.text())
        .into_iter()
        .map(|m| NumberMention {
            span: Span::new(m.span.start + start, m.span.end + start),
            ..m
        })
        .collect();
    merge(text, spans, rules, tags, first, out);
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
        self.run(tokens, &mut work);
        let tags: Vec<&str> = work.d.best.iter().map(|&l| self.label(l)).collect();
        let mut spans = Vec::with_capacity(tokens.len());
        let mut at = 0usize;
        for t in tokens {
            let end = (at + t.len()).min(joined.len());
            spans.push(Span::new(at.min(joined.len()), end));
            at += t.len() + 1;
        }
        let rules = crate::numbers::extract_tokens(tokens, joined);
        let mut out = Vec::new();
        merge(joined, &spans, rules, &tags, 0, &mut out);
        out
    }
}
