//! Number mentions with the spans the tagger proposes and the values the
//! rules read.
//!
//! The tagger sees the rule-based extractor's mentions as features and has
//! learned from KazNERD where its spans follow the corpus conventions and
//! where not (qualifiers, units, years). Its spans win; each takes the
//! value, unit and qualifier of the rule mention it overlaps most, or the
//! value [`crate::numbers::parse_words`] reads from its text. Rule mentions
//! the tagger does not cover are dropped. Its DATE and TIME spans take the
//! kind (date, time, duration, set) and value of the temporal rule mention
//! they overlap most; with a model that does not label DATE, the rules'
//! temporal mentions are kept where it labelled nothing.

use std::ops::Range;

use super::features::RuleMention;
use super::iob;
use super::{Pieces, Recognizer};
use crate::numbers::{
    may_be_negative, minus_against, names_percent, negate, NumberKind, NumberMention, Value,
};
use crate::span::Span;
use crate::time::Timex;

/// The number kind of a KazNERD type.
fn kind_of(kind: &str) -> Option<NumberKind> {
    match kind {
        "CARDINAL" => Some(NumberKind::Cardinal),
        "ORDINAL" => Some(NumberKind::Ordinal),
        "PERCENTAGE" => Some(NumberKind::Percent),
        "MONEY" => Some(NumberKind::Money),
        "QUANTITY" => Some(NumberKind::Quantity),
        "DATE" => Some(NumberKind::Date),
        "TIME" => Some(NumberKind::Time),
        _ => None,
    }
}

/// Whether a rule mention is a temperature written with the degree sign.
fn is_degrees<'a>(
    r: &RuleMention,
    place: &impl Fn(&Range<usize>) -> Option<(Span, &'a str, Range<usize>)>,
) -> bool {
    r.kind == NumberKind::Quantity
        && r.unit == Some("градус")
        && place(&r.tokens).is_some_and(|(_, text, _)| text.contains('°'))
}

/// The longest date, time, duration or set the rules read in a span's
/// text alone (linear in its length).
fn own_date(slice: &str) -> Option<NumberMention<'_>> {
    crate::numbers::extract(slice)
        .into_iter()
        .filter(|m| is_temporal(m.kind()))
        .max_by_key(|m| m.span().len())
}

/// The year a date span written as a number alone names: a whole number
/// of the calendar's years (1000 to 2100) with at most a case ending
/// (`2017-де`, `екі мың он жетіде`, in 2017), which speech uses for a
/// year without `жылы`. The tagger has decided the span is a date; the
/// rules read such a number as a cardinal. `None` for anything else
/// (`сексеннен`, an age, stays without a value).
fn year_alone(slice: &str) -> Option<Timex> {
    let found = crate::numbers::extract(slice);
    let [m] = found.as_slice() else {
        return None;
    };
    if m.kind() != NumberKind::Cardinal || m.span().start != 0 || m.span().end != slice.len() {
        return None;
    }
    let Value::Exact(v) = m.value() else {
        return None;
    };
    let year = i32::try_from(v.to_i128().filter(|_| v.is_integer())?).ok()?;
    (1000..=2100).contains(&year).then(|| Timex::year(year))
}

/// Whether a kind is a cardinal or an ordinal.
fn is_count(kind: NumberKind) -> bool {
    matches!(kind, NumberKind::Cardinal | NumberKind::Ordinal)
}

/// Whether a kind is a temporal one (date, time, duration, set).
fn is_temporal(kind: NumberKind) -> bool {
    matches!(
        kind,
        NumberKind::Date | NumberKind::Time | NumberKind::Duration | NumberKind::Set
    )
}

/// Merges the tagger's number spans of one sentence with the rule
/// mentions the feature extractor found; both are ranges of the tagger's
/// `pieces`, and each mention covers the whole tokens they come from.
/// `spans` are the tokens' byte spans in `text`; `first` is added to token
/// indices. `model_dates`: the model labels DATE and TIME, and its spans
/// are the dates' (else the rules' temporal mentions are kept where it
/// labelled nothing).
// The sentence's parts as the tagger's pass holds them: a struct for them
// would be built only to be taken apart here.
#[allow(clippy::too_many_arguments)]
pub(super) fn merge<'a>(
    text: &'a str,
    spans: &[Span],
    pieces: &Pieces<'_>,
    rules: &[RuleMention],
    tags: &[&str],
    first: usize,
    model_dates: bool,
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
    // Both the tagger's spans and the rule mentions come in order and do
    // not overlap, so one sweep pairs them: each span looks only at the
    // rule mentions that overlap it, from the first that ends after its
    // start (linear in both lists, however many there are).
    let mut used = vec![false; rules.len()];
    // Rule mentions a tagged span was cut before (two amounts with their
    // units), kept as the rules read them.
    let mut split_off = vec![false; rules.len()];
    // The mentions found are pushed into `out` after what it held, then
    // sorted and merged there: no vector of their own.
    let base = out.len();
    let mut next_rule = 0;
    for e in iob::spans(tags.iter().copied()) {
        let Some(kind) = kind_of(e.label) else {
            continue;
        };
        let mut range = e.start..e.end;
        while rules
            .get(next_rule)
            .is_some_and(|r| r.tokens.end <= range.start)
        {
            next_rule += 1;
        }
        // A date or time span takes the reading of a temporal rule
        // mention, a number span that of a number mention.
        let temporal = is_temporal(kind);
        let mut best: Option<(usize, usize)> = None;
        let mut in_temporal = false;
        for (i, r) in rules.iter().enumerate().skip(next_rule) {
            if r.tokens.start >= range.end {
                break;
            }
            #[cfg(test)]
            tests::PAIRS.with(|n| n.set(n.get() + 1));
            let o = overlap(&r.tokens, &range);
            in_temporal |= o > 0 && is_temporal(r.kind);
            if o > 0 && is_temporal(r.kind) == temporal && best.map_or(true, |(_, b)| o >= b) {
                best = Some((i, o));
            }
        }
        // A temperature written with the degree sign (`25°C-тан`): KazNERD
        // writes `25 градусқа`, so the tagger never saw the sign and reads
        // such a token as an ordinal or a date, or as part of a longer
        // span (`Күндіз 30°F`); the sign makes it a quantity, as the rules
        // read it, and the span begins with its number (it may go on to a
        // qualifier the tagger gives it, `-5°С-қа дейін`).
        let mut kind = kind;
        let mut temporal = temporal;
        if let Some(i) = rules
            .iter()
            .enumerate()
            .skip(next_rule)
            .take_while(|(_, r)| r.tokens.start < range.end)
            .find(|(_, r)| overlap(&r.tokens, &range) > 0 && is_degrees(r, &place))
            .map(|(i, _)| i)
        {
            kind = NumberKind::Quantity;
            temporal = false;
            in_temporal = false;
            // The span begins where the rule's does: after a word the
            // tagger took in before it (`Күндіз 30°F`), and before a
            // sign the tokenizer keeps against it (`-5°С-қа дейін`,
            // whose sign is a word of its own to the tagger).
            range.start = rules[i].tokens.start;
            // A second temperature inside the span is a mention of its
            // own (`-5°С-тан -10°С-қа дейін`: each end has its unit, and
            // KazNERD writes such ends apart); the span stops before it.
            if let Some(next) = rules
                .iter()
                .skip(i + 1)
                .take_while(|r| r.tokens.start < range.end)
                .find(|r| r.tokens.start >= rules[i].tokens.end && is_degrees(r, &place))
            {
                range.end = next.tokens.start;
            }
            best = Some((i, overlap(&rules[i].tokens, &range)));
        }
        // Two amounts that each have their unit are two mentions (`Бір
        // доллар 470 теңге`, `250 мың теңгеден 300 мың теңгеге дейін`), as
        // KazNERD writes such ends and as the rules read them: a span the
        // tagger draws over both ends before the second.
        if !temporal {
            let mut with_unit = rules
                .iter()
                .enumerate()
                .skip(next_rule)
                .take_while(|(_, r)| r.tokens.start < range.end)
                .filter(|(_, r)| {
                    overlap(&r.tokens, &range) > 0 && !is_temporal(r.kind) && r.unit.is_some()
                });
            if let (Some((i, a)), Some((j, b))) = (with_unit.next(), with_unit.next()) {
                // The first an end in the ablative (`-нан ... -ға дейін`),
                // or two currencies; a rate before an amount (`1 гектарға
                // 6–10 кг`) stays one mention, as the tagger learned it.
                let from = a
                    .tokens
                    .end
                    .checked_sub(1)
                    .and_then(|k| pieces.words.get(k))
                    .is_some_and(|t| crate::numbers::is_ablative(t));
                let currencies =
                    a.kind == NumberKind::Money && b.kind == NumberKind::Money && a.unit != b.unit;
                if (from || currencies)
                    && b.tokens.start >= a.tokens.end
                    && b.tokens.start > range.start
                {
                    range.end = b.tokens.start;
                    best = Some((i, overlap(&a.tokens, &range)));
                    // The second end is kept as the rules read it (below),
                    // with the rest of the span.
                    split_off[j] = true;
                }
            }
        }
        // A number span inside a date the rules read (`15` and `03` of
        // `15.03.2024`, `2024` of `2024 жылы`) is part of the date.
        if in_temporal && !temporal {
            continue;
        }
        let Some((mut span, mut slice, mut tokens)) = place(&range) else {
            continue;
        };
        let (value, unit, approx) = match best {
            Some((i, _)) => {
                used[i] = true;
                if temporal {
                    // Durations and sets are DATE or TIME to the tagger.
                    kind = rules[i].kind;
                } else if is_count(kind) && is_count(rules[i].kind) && rules[i].tokens == range {
                    // Over the same tokens, whether a number is a cardinal
                    // or an ordinal is its suffix, which the rules read
                    // alike in words and digits (`бес жүз мыңыншы`,
                    // `500000-ыншы`).
                    kind = rules[i].kind;
                }
                (rules[i].value, rules[i].unit, rules[i].approx)
            }
            // A date no rule mention of the sentence overlaps: the rules
            // leave numbers in a short quotation to names (`« Хабар 24 »`),
            // counting tokens, so a quoted clause is skipped when written
            // in digits (`« 2016-ншы жылы көшіреміз , … »`) and read when
            // written in words, which take more tokens. The tagger has
            // decided it is a date; its value is that of the span's own
            // text. A date the rules cannot read there either keeps its
            // span, without a value.
            None if temporal => match own_date(slice) {
                Some(m) => {
                    kind = m.kind();
                    (m.value(), None, None)
                }
                // What the tagger's decision reads that the rules leave
                // alone: a year in digits or words, a part of the day in a
                // word that is also a common noun, the adjective of a
                // season (`күздік бидай`).
                None => {
                    let read = match kind {
                        NumberKind::Time => Timex::day_part_word(slice),
                        _ => year_alone(slice).or_else(|| Timex::season_adjective(slice)),
                    };
                    (Value::Time(read.unwrap_or_else(Timex::unknown)), None, None)
                }
            },
            None => match crate::numbers::parse_words(slice) {
                Some(v) => (Value::Exact(v), None, None),
                None => continue,
            },
        };
        // A percentage names its percent (`%`, `пайыз`, `процент`: all 443
        // of KazNERD's do); a span labelled so without one (a quoted year,
        // `("1984")`) is the count the rules read there.
        if kind == NumberKind::Percent && !names_percent(slice) {
            kind = match best {
                Some((i, _)) if is_count(rules[i].kind) => rules[i].kind,
                _ => NumberKind::Cardinal,
            };
        }
        // A minus written against the number (`−12 градус`, `-0,5%`): the
        // rules read it in the text's own spacing, and a rule mention that
        // covers the sign has its value below zero already; a span whose
        // value comes from elsewhere (its own words, or a rule mention
        // without the sign) takes the sign here.
        let signed_rule = best.and_then(|(i, _)| place(&rules[i].tokens)).map(|p| p.2);
        let unsigned = |k: usize| {
            !signed_rule
                .as_ref()
                .is_some_and(|r| r.contains(&(first + k)))
        };
        let mut value = value;
        if may_be_negative(kind) {
            // The sign is the span's first token (then the number is its
            // second) or the token before it.
            let t = tokens.start - first;
            let signed_at = |k: usize| -> bool {
                let (Some(&at), Some(number)) = (spans.get(k), spans.get(k + 1)) else {
                    return false;
                };
                let before = k
                    .checked_sub(1)
                    .and_then(|p| spans.get(p))
                    .map(|s| (text.get(s.range()).unwrap_or(""), s.end));
                minus_against(text.get(at.range()).unwrap_or(""), at, before, number.start)
            };
            if tokens.len() > 1 && signed_at(t) {
                if unsigned(t) {
                    value = negate(value);
                }
            } else if let Some(k) = t.checked_sub(1).filter(|&k| signed_at(k)) {
                if let Some(whole) = text.get(spans[k].start..span.end) {
                    if unsigned(k) {
                        value = negate(value);
                    }
                    span = Span::new(spans[k].start, span.end);
                    slice = whole;
                    tokens = tokens.start - 1..tokens.end;
                }
            }
        }
        let unit = match (kind, unit) {
            (NumberKind::Percent, _) => Some("%"),
            (NumberKind::Money | NumberKind::Quantity, u) => u,
            _ => None,
        };
        out.push(NumberMention {
            text: slice,
            span,
            tokens,
            kind,
            value,
            unit,
            approx,
        });
    }
    // A model that labels DATE and TIME decides their spans, as it does
    // the numbers'. With one that does not, the temporal mentions of the
    // rules are kept where they overlap no mention it labelled.
    // The tagger's mentions are the first `tagged` found, read in place:
    // the rules' pushed after them are never among them.
    let tagged = out.len() - base;
    let mut next_tagged = 0;
    for ((m, used), split) in rules.iter().zip(used).zip(split_off) {
        // Temperatures with the degree sign are the rules' (above), also
        // where the tagger labelled nothing, and so are the second ends
        // cut off a tagged span.
        let degrees = is_degrees(m, &place) || split;
        if used || (!degrees && (model_dates || !is_temporal(m.kind))) {
            continue;
        }
        if let Some((span, slice, tokens)) = place(&m.tokens) {
            let tagged = out.get(base..base + tagged).unwrap_or(&[]);
            while tagged
                .get(next_tagged)
                .is_some_and(|t| t.tokens.end <= tokens.start)
            {
                next_tagged += 1;
            }
            if tagged
                .get(next_tagged)
                .is_some_and(|t| t.tokens.start < tokens.end)
            {
                continue;
            }
            out.push(NumberMention {
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
    let found = out.get_mut(base..).unwrap_or(&mut []);
    found.sort_by_key(|m| (m.span.start, m.span.end));
    // Mentions cover whole tokens: pieces of one token tagged as several
    // spans (`20.12.1942 ж.` read as `20`, `12` and the date `1942 ж.`)
    // are one mention over all their tokens, with the reading of the
    // longest (the first of equals). Merged in place: the mentions kept
    // are moved to the front (`kept` of them), the rest cut off after.
    let mut kept = 0usize;
    for r in 0..found.len() {
        let (done, rest) = found.split_at_mut(r);
        let m = &rest[0];
        match kept.checked_sub(1).and_then(|p| done.get_mut(p)) {
            Some(prev) if m.tokens.start < prev.tokens.end => {
                let (start, first) = (prev.span.start, prev.tokens.start);
                let end = prev.span.end.max(m.span.end);
                let last = prev.tokens.end.max(m.tokens.end);
                if m.span.len() > prev.span.len() {
                    *prev = m.clone();
                }
                prev.span = Span::new(start, end);
                prev.tokens = first..last;
                prev.text = text.get(prev.span.range()).unwrap_or("");
            }
            _ => {
                found.swap(kept, r);
                kept += 1;
            }
        }
    }
    out.truncate(base + kept);
}

/// A number mention written in words as KazNERD writes it in digits: the
/// value, then a hyphen and the ending of the last word after its number
/// stem (`жүз жиырма бесінші` → `125-інші`, `біреуі` → `1-еуі`, `он
/// миллиондай` → `10000000-дай`, `бір` → `1`). `None` for a value that is
/// no whole number, or a last word that begins with no number stem.
fn in_digits(words: &[&str], value: Value) -> Option<String> {
    let Value::Exact(v) = value else {
        return None;
    };
    if !v.is_integer() || v.to_i128().map_or(true, |n| n < 0) {
        return None;
    }
    let last = crate::letters::fold_lower(words.last()?);
    let (stem, ending) = last.split_at(crate::numbers::number_stem_len(&last)?);
    // Alone, `бір` is also the indefinite article (`бір үлкен мәселе`, a
    // big problem) and `жүз` also the face (`жүзінде`): words that are
    // numbers only in part of their uses, which the tagger decides as
    // written.
    if words.len() == 1 && matches!(stem, "бір" | "жүз") {
        return None;
    }
    Some(if ending.is_empty() {
        v.to_string()
    } else {
        format!("{v}-{ending}")
    })
}

/// The labels of a number type's span, first and inside.
fn number_labels(kind: &str) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        "CARDINAL" => ("B-CARDINAL", "I-CARDINAL"),
        "ORDINAL" => ("B-ORDINAL", "I-ORDINAL"),
        "PERCENTAGE" => ("B-PERCENTAGE", "I-PERCENTAGE"),
        "MONEY" => ("B-MONEY", "I-MONEY"),
        "QUANTITY" => ("B-QUANTITY", "I-QUANTITY"),
        _ => return None,
    })
}

impl Recognizer {
    /// A number written in words is the same mention as the number written
    /// in digits. The tagger, trained on KazNERD, where each sentence comes
    /// written both ways, finds the digits more often than the words; so a
    /// cardinal or ordinal the rules read in words (`words`: the tagger's
    /// pieces) and the tagger left unlabelled (`tags`) is shown to it again
    /// written in digits, in the same sentence, and takes the number label
    /// it gives that token alone. At most one more tagging of the sentence.
    pub(super) fn words_as_digits(&self, words: &[&str], rules: &[RuleMention], tags: &mut [&str]) {
        let wordy = |t: &str| t.chars().all(char::is_alphabetic);
        let mut swaps: Vec<(Range<usize>, String)> = Vec::new();
        for r in rules {
            let (Some(pieces), Some(labels)) =
                (words.get(r.tokens.clone()), tags.get(r.tokens.clone()))
            else {
                continue;
            };
            if !matches!(r.kind, NumberKind::Cardinal | NumberKind::Ordinal)
                || labels
                    .iter()
                    .any(|l| l.get(2..).and_then(kind_of).is_some())
                || !pieces.iter().all(|t| wordy(t))
            {
                continue;
            }
            if let Some(digits) = in_digits(pieces, r.value) {
                swaps.push((r.tokens.clone(), digits));
            }
        }
        if swaps.is_empty() {
            return;
        }
        // The sentence with each such mention as one token of digits, and
        // where each of those tokens is.
        let mut rewritten: Vec<&str> = Vec::with_capacity(words.len());
        let mut at = Vec::with_capacity(swaps.len());
        let mut next = 0;
        for (range, digits) in &swaps {
            rewritten.extend_from_slice(&words[next..range.start]);
            at.push(rewritten.len());
            rewritten.push(digits);
            next = range.end;
        }
        rewritten.extend_from_slice(&words[next..]);
        let mut work = super::Work::default();
        self.run(&rewritten, &mut work);
        let label = |k: usize| work.d.best.get(k).map_or("O", |&l| self.label(l));
        for ((range, _), k) in swaps.iter().zip(at) {
            let (first, after) = (label(k), label(k + 1));
            let kind = first
                .strip_prefix("B-")
                .or_else(|| first.strip_prefix("U-"));
            let Some((b, i)) = kind.and_then(number_labels) else {
                continue;
            };
            // The digits alone are the span, not the start of a longer one.
            if after.get(2..) == kind && (after.starts_with("I-") || after.starts_with("L-")) {
                continue;
            }
            tags[range.start] = b;
            for t in &mut tags[range.start + 1..range.end] {
                *t = i;
            }
        }
    }
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
        let mut pieces = Pieces::default();
        // Spans past a `joined` that does not match come out of `merge` as
        // no mention (it slices with `get`).
        let spans = super::joined_spans(tokens);
        let mut out = Vec::new();
        let model_dates = self.labels_dates();
        super::with_work(|work| {
            for (first, window) in super::windows(tokens) {
                pieces.split(window);
                self.run(&pieces.words, work);
                let mut tags: Vec<&str> = work.d.best.iter().map(|&l| self.label(l)).collect();
                self.words_as_digits(&pieces.words, &work.x.rules, &mut tags);
                let spans = &spans[first..first + window.len()];
                merge(
                    joined,
                    spans,
                    &pieces,
                    &work.x.rules,
                    &tags,
                    first,
                    model_dates,
                    &mut out,
                );
            }
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    // Uses the embedded model.
    #[cfg(feature = "embedded-model")]
    #[test]
    fn a_minus_against_a_measure_is_in_its_span_and_value() {
        let r = Recognizer::default();
        // (text, the sign and number the mention starts with, its value).
        for (text, start, value) in [
            ("Ауа райы −12 градус болды.", "−12", "-12"),
            ("Инфляция -0,5% болды.", "-0,5%", "-0.5"),
            ("Ауа райы -5°С-қа дейін суытады.", "-5°С-қа", "-5"),
            // Against an opening bracket.
            ("Инфляция (-0,5%) болды.", "-0,5%", "-0.5"),
            ("Түнде (-4°С) болды.", "-4°С", "-4"),
        ] {
            let found = r.numbers(text);
            assert!(
                found
                    .iter()
                    .any(|m| m.text().starts_with(start) && m.value().to_string() == value),
                "{text:?} gave {found:?}"
            );
        }
        // Two temperatures, each with its unit, are two mentions even
        // where the tagger spans them as one.
        let found = r.numbers("Түнде -5°С-тан -10°С-қа дейін суытады.");
        let degrees: Vec<String> = found
            .iter()
            .filter(|m| m.unit() == Some("градус"))
            .map(|m| format!("{} {}", m.text(), m.value()))
            .collect();
        assert_eq!(degrees, ["-5°С-тан -5", "-10°С-қа -10"]);
        // So are two amounts with their units: the ends of a range, and two
        // currencies; a rate before an amount stays one mention.
        for (text, want) in [
            (
                "Жалақы 250 мың теңгеден 300 мың теңгеге дейін өсті.",
                &["250 мың теңгеден 250000", "300 мың теңгеге дейін 300000"][..],
            ),
            (
                "Бір доллар 470 теңге 50 тиын болды.",
                &["Бір доллар 1", "470 теңге 50 тиын 470.5"],
            ),
            (
                "Тұқым 1 гектарға 6–10 кг себіледі.",
                &["1 гектарға 6–10 кг 6..10"],
            ),
        ] {
            let found: Vec<String> = r
                .numbers(text)
                .iter()
                .filter(|m| m.unit().is_some())
                .map(|m| format!("{} {}", m.text(), m.value()))
                .collect();
            assert_eq!(found, want, "{text}");
        }
        // A dash after a number is a range's; before a count, a list's.
        for text in ["Баға 5 -10 пайызға өсті.", "Тізім: -5 адам келді."]
        {
            let found = r.numbers(text);
            assert!(
                found
                    .iter()
                    .all(|m| !m.value().to_string().starts_with('-')),
                "{text:?} gave {found:?}"
            );
        }
    }

    #[test]
    fn a_time_span_of_a_part_of_the_day_alone_is_that_part() {
        for (slice, want) in [
            ("түс", Some("TMI")),
            ("Таң", Some("TMO")),
            ("түні", Some("TNI")),
            ("кеш", Some("TEV")),
            ("кітап", None),
            ("түс қайта", None),
            ("", None),
        ] {
            let got = Timex::day_part_word(slice).map(|t| t.value().to_string());
            assert_eq!(got.as_deref(), want, "{slice:?}");
        }
    }

    #[test]
    fn a_date_span_of_a_number_alone_is_a_year_of_the_calendar() {
        for (slice, want) in [
            ("2017-де", Some("2017")),
            ("екі мың он жетіде", Some("2017")),
            ("1000", Some("1000")),
            ("2100-ге", Some("2100")),
            // An age, a count, a number beyond the years written.
            ("сексеннен", None),
            ("80-нен", None),
            ("999-да", None),
            ("2101-де", None),
            ("2017,5", None),
            // Not the number alone.
            ("2017 жылы келді", None),
            ("2017 бен 2018", None),
            ("", None),
        ] {
            let got = year_alone(slice).map(|t| t.value().to_string());
            assert_eq!(got.as_deref(), want, "{slice:?}");
        }
    }

    // Uses the embedded model.
    #[cfg(feature = "embedded-model")]
    #[test]
    fn the_rules_read_the_texts_own_spacing() {
        let r = Recognizer::default();
        // Tokens written against each other are read as the text writes
        // them, not as tokens set apart by spaces: (text, mentions as text
        // and value).
        for (text, want) in [
            (
                "Аяз -15...-20 градус болады.",
                &[("-15...-20 градус", "-20..-15")][..],
            ),
            // A list in brackets is no decimal, which `1 , 2` would be.
            (
                "Сексеуіл (1, 2) — неолит ескерткіші.",
                &[("1", "1"), ("2", "2")],
            ),
            ("Өсім 3,2%-ға жетті.", &[("3,2%-ға", "3.2")]),
            // The rules read a token whole, not as the words the tagger
            // sees (`59 . 7 %`, which KazNERD never writes).
            ("Үлесі 59.7% болды.", &[("59.7%", "59.7")]),
            (
                "Көл 1 449,3 метрлік биіктікте.",
                &[("1 449,3 метрлік", "1449.3")],
            ),
        ] {
            let found: Vec<(&str, String)> = r
                .numbers(text)
                .iter()
                .map(|m| (m.text(), m.value().to_string()))
                .collect();
            let want: Vec<(&str, String)> = want.iter().map(|&(t, v)| (t, v.to_string())).collect();
            assert_eq!(found, want, "{text:?}");
        }
    }

    // Uses the embedded model.
    #[cfg(feature = "embedded-model")]
    #[test]
    fn a_temperature_with_the_degree_sign_is_a_quantity() {
        let r = Recognizer::default();
        // KazNERD never writes the degree sign, so whatever the tagger makes
        // of these tokens, the sign decides: (text, mention, value).
        for (text, want, value) in [
            ("Ауа 25°С-тан жоғары.", "25°С-тан", "25"),
            ("Ауа 25°C-тан жоғары.", "25°C-тан", "25"),
            ("Ауа -5°C болды.", "-5°C", "-5"),
            ("Науқастың қызуы 38,5° болды.", "38,5°", "38.5"),
            ("Күндіз 30°F.", "30°F", "30"),
        ] {
            let found = r.numbers(text);
            assert!(
                found.iter().any(|m| m.text() == want
                    && m.kind() == NumberKind::Quantity
                    && m.unit() == Some("градус")
                    && m.value().to_string() == value),
                "{text:?} gave {found:?}"
            );
        }
        // Without the sign the tagger's reading stands: an ordinal stays one.
        let found = r.numbers("Ол 25-ші орын алды.");
        assert!(
            found.iter().any(|m| m.kind() == NumberKind::Ordinal),
            "{found:?}"
        );
    }

    thread_local! {
        /// Rule mentions compared with a tagged span, counted.
        pub(super) static PAIRS: Cell<usize> = const { Cell::new(0) };
    }

    fn rule(tokens: Range<usize>, kind: NumberKind, value: i64) -> RuleMention {
        RuleMention {
            tokens,
            kind,
            value: Value::Exact(crate::numbers::Decimal::from_int(value)),
            unit: None,
            approx: None,
        }
    }

    /// `n` tokens `5`, one piece each, all tagged as cardinals of their
    /// own, each with a rule mention.
    fn merge_cardinals(n: usize) -> (usize, usize) {
        let tokens = vec!["5"; n];
        let text = tokens.join(" ");
        let spans = joined_spans_of(&tokens);
        let mut pieces = Pieces::default();
        pieces.split(&tokens);
        let tags = vec!["B-CARDINAL"; n];
        let rules: Vec<RuleMention> = (0..n)
            .map(|k| rule(k..k + 1, NumberKind::Cardinal, 5))
            .collect();
        PAIRS.with(|c| c.set(0));
        let mut out = Vec::new();
        merge(&text, &spans, &pieces, &rules, &tags, 0, false, &mut out);
        (out.len(), PAIRS.with(Cell::get))
    }

    fn joined_spans_of(tokens: &[&str]) -> Vec<Span> {
        super::super::joined_spans(tokens)
    }

    #[test]
    fn pairing_spans_with_rule_mentions_is_linear() {
        for n in [10, 1000, 100_000] {
            let (mentions, pairs) = merge_cardinals(n);
            assert_eq!(mentions, n);
            // Each span meets its own rule mention, and at most the next.
            assert!(pairs <= 2 * n, "{n} spans: {pairs} comparisons");
        }
    }

    /// (tokens, the tagger's labels, the rule mention's tokens and kind,
    /// the mention's kind).
    type KindCase<'a> = (
        &'a [&'a str],
        &'a [&'a str],
        Range<usize>,
        NumberKind,
        NumberKind,
    );

    /// Each case merged with its one rule mention gives one mention of the
    /// kind it names.
    fn check_kinds(cases: &[KindCase<'_>]) {
        for (tokens, tags, rule_tokens, rule_kind, want) in cases {
            let text = tokens.join(" ");
            let spans = joined_spans_of(tokens);
            let mut pieces = Pieces::default();
            pieces.split(tokens);
            let rules = [rule(rule_tokens.clone(), *rule_kind, 5)];
            let mut out = Vec::new();
            merge(&text, &spans, &pieces, &rules, tags, 0, true, &mut out);
            assert_eq!(out.len(), 1, "{tokens:?}: {out:?}");
            assert_eq!(out[0].kind(), *want, "{tokens:?}");
        }
    }

    #[test]
    fn the_suffix_decides_cardinal_or_ordinal_over_the_same_tokens() {
        use NumberKind::{Cardinal, Ordinal, Quantity};
        let cases: &[KindCase<'_>] = &[
            // The words and the digits of one sentence: the rules read the
            // ordinal suffix in both, whatever the tagger says.
            (
                &["бес", "жүз", "мыңыншы", "жолаушы"],
                &["B-CARDINAL", "I-CARDINAL", "I-CARDINAL", "O"],
                0..3,
                Ordinal,
                Ordinal,
            ),
            (
                &["500000-ыншы", "жолаушы"],
                &["B-CARDINAL", "O"],
                0..1,
                Ordinal,
                Ordinal,
            ),
            (
                &["11", "есік"],
                &["B-ORDINAL", "O"],
                0..1,
                Cardinal,
                Cardinal,
            ),
            // Over other tokens, or another kind, the tagger's kind stands.
            (
                &["11-інші", "үй"],
                &["B-CARDINAL", "I-CARDINAL"],
                0..1,
                Ordinal,
                Cardinal,
            ),
            (
                &["4-ақ", "метр"],
                &["B-CARDINAL", "O"],
                0..2,
                Quantity,
                Cardinal,
            ),
        ];
        check_kinds(cases);
    }

    #[test]
    fn a_percentage_names_its_percent() {
        use NumberKind::{Cardinal, Percent};
        let cases: &[KindCase<'_>] = &[
            // A quoted year the tagger took for a percentage.
            (
                &["(", "\"", "1984", "\"", ")"],
                &["O", "O", "B-PERCENTAGE", "O", "O"],
                2..3,
                Cardinal,
                Cardinal,
            ),
            (
                &["5", "пайызға"],
                &["B-PERCENTAGE", "I-PERCENTAGE"],
                0..2,
                Percent,
                Percent,
            ),
            (&["5%"], &["B-PERCENTAGE"], 0..1, Percent, Percent),
            (
                &["жиырма", "процентін"],
                &["B-PERCENTAGE", "I-PERCENTAGE"],
                0..2,
                Percent,
                Percent,
            ),
        ];
        check_kinds(cases);
    }

    #[test]
    fn a_tagged_date_without_a_rule_mention_reads_its_own_text() {
        use NumberKind::{Date, Duration};
        // (sentence, the tagger's labels, the mention's kind and value).
        // The rules leave numbers inside a short quotation to names, so
        // the digits of a quoted clause come with no rule mention; the
        // same clause in words is longer than the window and is read.
        let cases: &[(&str, &[&str], NumberKind, &str)] = &[
            (
                "« 2016-ншы жылы көшіреміз , үй кезегіне тұрыңыздар » атты мақала .",
                &[
                    "O", "B-DATE", "I-DATE", "O", "O", "O", "O", "O", "O", "O", "O", "O",
                ],
                Date,
                "2016",
            ),
            (
                "« 6 жылдың ішінде 1300 жаңа кәсіпорын бой көтерді » .",
                &[
                    "O", "B-DATE", "I-DATE", "I-DATE", "O", "O", "O", "O", "O", "O", "O",
                ],
                Duration,
                "P6Y",
            ),
            // The adjective of a season, which KazNERD labels a date.
            (
                "Жерге күздік бидай себілген .",
                &["O", "B-DATE", "O", "O", "O"],
                Date,
                "XXXX-FA",
            ),
            // Nothing to read: the span stays, without a value.
            (
                "« Жаңа маусым » басталды .",
                &["O", "B-DATE", "I-DATE", "O", "O", "O"],
                Date,
                "unknown",
            ),
        ];
        for (sentence, tags, kind, value) in cases {
            let tokens: Vec<&str> = sentence.split(' ').collect();
            assert!(crate::numbers::extract_tokens(&tokens, sentence).is_empty());
            let spans = joined_spans_of(&tokens);
            let mut pieces = Pieces::default();
            pieces.split(&tokens);
            assert_eq!(pieces.words.len(), tags.len(), "{sentence}");
            let mut out = Vec::new();
            merge(sentence, &spans, &pieces, &[], tags, 0, true, &mut out);
            assert_eq!(out.len(), 1, "{sentence}: {out:?}");
            assert_eq!(out[0].kind(), *kind, "{sentence}");
            assert_eq!(out[0].value().to_string(), *value, "{sentence}");
        }
    }

    #[test]
    fn numbers_in_words_are_written_in_digits_as_kaznerd_writes_them() {
        let int = |n: i64| Value::Exact(crate::numbers::Decimal::from_int(n));
        // (words, value, digits).
        let cases: &[(&[&str], Value, Option<&str>)] = &[
            (&["жүз", "жиырма", "бесінші"], int(125), Some("125-інші")),
            (&["екінші"], int(2), Some("2-нші")),
            (&["қырқыншы"], int(40), Some("40-ыншы")),
            (&["жиырмасыншы"], int(20), Some("20-сыншы")),
            (&["он", "миллиондай"], int(10_000_000), Some("10000000-дай")),
            (
                &["Елу", "миллиард"],
                int(50_000_000_000),
                Some("50000000000"),
            ),
            (&["үш"], int(3), Some("3")),
            (&["он", "бірге"], int(11), Some("11-ге")),
            // Alone, `бір` and `жүз` are also the article and the face.
            (&["бір"], int(1), None),
            (&["біреуі"], int(1), None),
            (&["жүзінде"], int(100), None),
            (&["мың", "бір"], int(1001), Some("1001")),
            // A last word with no number stem, or a value no whole number.
            (&["екеуі"], int(2), None),
            (
                &["екі", "жарым"],
                Value::Exact(crate::numbers::Decimal::parse("2.5").unwrap()),
                None,
            ),
        ];
        for (words, value, want) in cases {
            assert_eq!(in_digits(words, *value).as_deref(), *want, "{words:?}");
        }
    }

    #[test]
    fn pieces_of_one_token_make_one_mention_with_the_longest_reading() {
        // `20.12.1942 ж.`: pieces 20 . 12 . 1942 ж. (tokens 0 and 1).
        let tokens = ["20.12.1942", "ж."];
        let text = tokens.join(" ");
        let spans = joined_spans_of(&tokens);
        let mut pieces = Pieces::default();
        pieces.split(&tokens);
        assert_eq!(pieces.words, ["20", ".", "12", ".", "1942", "ж."]);
        // The tagger reads the day and month as numbers; the rules read
        // the pieces as one date, which the numbers inside it give way to.
        let tags = ["B-CARDINAL", "O", "B-CARDINAL", "O", "O", "O"];
        let date = crate::numbers::extract("20 . 12 . 1942 ж.");
        assert_eq!(date.len(), 1);
        let rules = [RuleMention {
            tokens: date[0].tokens(),
            kind: date[0].kind(),
            value: date[0].value(),
            unit: None,
            approx: None,
        }];
        let mut out = Vec::new();
        merge(&text, &spans, &pieces, &rules, &tags, 0, false, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].text(), "20.12.1942 ж.");
        assert_eq!(out[0].tokens(), 0..2);
        assert_eq!(out[0].kind(), NumberKind::Date);
        assert_eq!(out[0].value().to_string(), "1942-12-20");
        // Two spans within one token, equal in length: the first reading.
        let tokens = ["1,2.1,2"];
        let mut pieces = Pieces::default();
        pieces.split(&tokens);
        let tags = [
            "B-CARDINAL",
            "I-CARDINAL",
            "I-CARDINAL",
            "O",
            "B-CARDINAL",
            "I-CARDINAL",
            "I-CARDINAL",
        ];
        let rules = [
            rule(0..3, NumberKind::Cardinal, 1),
            rule(4..7, NumberKind::Cardinal, 2),
        ];
        let mut out = Vec::new();
        merge(
            tokens[0],
            &[Span::new(0, 7)],
            &pieces,
            &rules,
            &tags,
            0,
            false,
            &mut out,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].text(), "1,2.1,2");
        assert_eq!(out[0].value().to_string(), "1");
    }
}
