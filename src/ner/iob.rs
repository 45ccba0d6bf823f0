//! The IOB2 tag scheme: labels `O`, `B-TYPE`, `I-TYPE` read as [`Tag`]s,
//! label sequences read as labelled token spans ([`entities`]) and spans
//! written back as labels ([`to_labels`]).
//!
//! Spans follow the strict definition of `conlleval` and `seqeval`: a span
//! starts at `B-X`, or at an `I-X` whose previous label is neither `B-X`
//! nor `I-X`, and continues over the following `I-X` labels of the same
//! type. The recognizer reads its tagger's labels this way, and the scorer
//! of `eval::iob2` (feature `eval`) reads gold and system files with the
//! same functions.

use std::collections::BTreeMap;

/// One IOB2 label, read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag<'a> {
    /// `O`: outside any span.
    Outside,
    /// `B-TYPE`: the first token of a span.
    Begin(&'a str),
    /// `I-TYPE`: a token inside a span.
    Inside(&'a str),
}

impl<'a> Tag<'a> {
    /// Reads `O`, `B-TYPE` or `I-TYPE` (`TYPE` non-empty); `None` for
    /// anything else.
    ///
    /// ```
    /// use kazakh::ner::iob::Tag;
    /// assert_eq!(Tag::parse("B-MONEY"), Some(Tag::Begin("MONEY")));
    /// assert_eq!(Tag::parse("X-MONEY"), None);
    /// ```
    pub fn parse(label: &'a str) -> Option<Tag<'a>> {
        if label == "O" {
            return Some(Tag::Outside);
        }
        let (prefix, kind) = (label.get(..2)?, label.get(2..)?);
        if kind.is_empty() {
            return None;
        }
        match prefix {
            "B-" => Some(Tag::Begin(kind)),
            "I-" => Some(Tag::Inside(kind)),
            _ => None,
        }
    }
}

/// A labelled span of tokens: `start..end` are token indices, half-open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entity<'a> {
    /// The span's type, without the `B-`/`I-` prefix (`CARDINAL`).
    pub label: &'a str,
    /// Index of the first token.
    pub start: usize,
    /// Index after the last token.
    pub end: usize,
}

/// The spans of an IOB2 label sequence, in order, with the strict
/// definition: a span starts at `B-X`, or at `I-X` when the previous label
/// is neither `B-X` nor `I-X`, and extends over the `I-X` labels that
/// follow. Malformed labels count as `O`.
///
/// ```
/// use kazakh::ner::iob::{entities, Entity};
/// let labels = ["B-MONEY", "I-MONEY", "I-DATE", "O", "B-MONEY", "B-MONEY"];
/// let spans = entities(&labels);
/// assert_eq!(spans[0], Entity { label: "MONEY", start: 0, end: 2 });
/// assert_eq!(spans[1], Entity { label: "DATE", start: 2, end: 3 });
/// assert_eq!(spans.len(), 4);
/// ```
pub fn entities<S: AsRef<str>>(labels: &[S]) -> Vec<Entity<'_>> {
    spans(labels.iter().map(AsRef::as_ref)).collect()
}

/// [`entities`] over any sequence of labels as an iterator, each span
/// given as soon as it is closed: a caller that reads them once needs no
/// vector of them.
pub(crate) fn spans<'a, I: IntoIterator<Item = &'a str>>(labels: I) -> Spans<'a, I::IntoIter> {
    Spans {
        labels: labels.into_iter().enumerate(),
        open: None,
    }
}

/// The iterator of [`spans`].
pub(crate) struct Spans<'a, I> {
    labels: std::iter::Enumerate<I>,
    /// The span that the labels read so far leave open.
    open: Option<Entity<'a>>,
}

impl<'a, I: Iterator<Item = &'a str>> Iterator for Spans<'a, I> {
    type Item = Entity<'a>;

    fn next(&mut self) -> Option<Entity<'a>> {
        for (i, label) in self.labels.by_ref() {
            match Tag::parse(label) {
                Some(Tag::Inside(kind)) if self.open.is_some_and(|e| e.label == kind) => {
                    if let Some(e) = self.open.as_mut() {
                        e.end = i + 1;
                    }
                }
                Some(Tag::Begin(kind) | Tag::Inside(kind)) => {
                    let next = Entity {
                        label: kind,
                        start: i,
                        end: i + 1,
                    };
                    if let Some(e) = self.open.replace(next) {
                        return Some(e);
                    }
                }
                Some(Tag::Outside) | None => {
                    if let Some(e) = self.open.take() {
                        return Some(e);
                    }
                }
            }
        }
        // The labels are over: the span still open ends with them.
        self.open.take()
    }
}

/// The IOB2 labels of `len` tokens carrying `entities`: `B-X` on the first
/// token of each span, `I-X` on the rest, `O` elsewhere. Token indices
/// beyond `len` are ignored; an empty span, or one that overlaps a span
/// earlier in `entities`, is left out.
///
/// ```
/// use kazakh::ner::iob::{entities, to_labels, Entity};
/// let spans = [Entity { label: "PERCENTAGE", start: 1, end: 3 }];
/// let labels = to_labels(4, &spans);
/// assert_eq!(labels, ["O", "B-PERCENTAGE", "I-PERCENTAGE", "O"]);
/// assert_eq!(entities(&labels), spans);
/// ```
pub fn to_labels(len: usize, entities: &[Entity<'_>]) -> Vec<String> {
    let mut labels: Vec<Option<String>> = vec![None; len];
    // The spans taken so far, start → end. They do not overlap, so the one
    // with the greatest start before `end` is the only one that can reach
    // into `start..end`: one look-up per span, linear however many spans
    // overlap.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for e in entities {
        let end = e.end.min(len);
        if e.start >= end
            || taken
                .range(..end)
                .next_back()
                .is_some_and(|(_, &taken_end)| taken_end > e.start)
        {
            continue;
        }
        taken.insert(e.start, end);
        labels[e.start] = Some(format!("B-{}", e.label));
        for slot in &mut labels[e.start + 1..end] {
            *slot = Some(format!("I-{}", e.label));
        }
    }
    labels
        .into_iter()
        .map(|l| l.unwrap_or_else(|| "O".to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        let cases = [
            ("O", Some(Tag::Outside)),
            ("B-X", Some(Tag::Begin("X"))),
            ("I-PERCENTAGE", Some(Tag::Inside("PERCENTAGE"))),
            ("B-NON_HUMAN", Some(Tag::Begin("NON_HUMAN"))),
            ("B-", None),
            ("", None),
            ("O-X", None),
            ("B", None),
            ("BX", None),
            ("Ә-X", None),
        ];
        for (label, want) in cases {
            assert_eq!(Tag::parse(label), want, "{label:?}");
        }
    }

    fn e(label: &str, start: usize, end: usize) -> Entity<'_> {
        Entity { label, start, end }
    }

    #[test]
    fn entities_table() {
        let cases: &[(&[&str], &[Entity<'static>])] = &[
            (&[], &[]),
            (&["O", "O"], &[]),
            (&["B-A"], &[e("A", 0, 1)]),
            (&["B-A", "I-A", "I-A", "O"], &[e("A", 0, 3)]),
            // B after B starts a new span.
            (&["B-A", "B-A", "I-A"], &[e("A", 0, 1), e("A", 1, 3)]),
            // I without a B starts a span (at the start, after O, after another type).
            (&["I-A", "I-A"], &[e("A", 0, 2)]),
            (&["O", "I-A", "O"], &[e("A", 1, 2)]),
            (&["B-A", "I-B", "I-B"], &[e("A", 0, 1), e("B", 1, 3)]),
            (
                &["B-A", "I-B", "I-A"],
                &[e("A", 0, 1), e("B", 1, 2), e("A", 2, 3)],
            ),
            // A span ends at the last token.
            (&["O", "B-A", "I-A"], &[e("A", 1, 3)]),
            // Malformed labels count as O.
            (&["B-A", "junk", "I-A"], &[e("A", 0, 1), e("A", 2, 3)]),
        ];
        for &(labels, want) in cases {
            assert_eq!(entities(labels), want, "{labels:?}");
            let owned: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
            assert_eq!(entities(&owned), want, "{labels:?}");
        }
    }

    #[test]
    fn to_labels_table() {
        let cases: &[(usize, &[Entity<'static>], &[&str])] = &[
            (0, &[], &[]),
            (2, &[], &["O", "O"]),
            (3, &[e("A", 0, 2)], &["B-A", "I-A", "O"]),
            (2, &[e("A", 0, 1), e("A", 1, 2)], &["B-A", "B-A"]),
            // Clamped, empty and overlapping spans.
            (2, &[e("A", 1, 9)], &["O", "B-A"]),
            (2, &[e("A", 1, 1), e("B", 5, 6)], &["O", "O"]),
            (3, &[e("A", 0, 2), e("B", 1, 3)], &["B-A", "I-A", "O"]),
        ];
        for &(len, spans, want) in cases {
            assert_eq!(to_labels(len, spans), want, "{spans:?}");
        }
    }

    #[test]
    fn to_labels_is_linear_in_overlapping_spans() {
        // Many spans over one long span: each is checked in one look-up.
        let n = 200_000;
        let mut spans = vec![e("A", 0, n)];
        spans.extend((1..n).map(|i| e("B", i, n)));
        let labels = to_labels(n, &spans);
        assert_eq!(labels[0], "B-A");
        assert!(labels[1..].iter().all(|l| l == "I-A"));
        // Spans that fit between taken ones are kept.
        let spans = [e("A", 2, 4), e("B", 0, 2), e("C", 4, 5), e("D", 1, 3)];
        assert_eq!(to_labels(5, &spans), ["B-B", "I-B", "B-A", "I-A", "B-C"]);
    }
}
