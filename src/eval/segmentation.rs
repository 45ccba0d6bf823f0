//! Token and sentence segmentation scores (CoNLL 2018 shared task).

use super::conllu::Treebank;
use crate::span::Span;

/// Precision, recall and F1 of one kind of span, in percent (0–100), with
/// the number of gold and system spans that were compared.
///
/// A ratio whose denominator is zero is defined as 0: precision is 0 when
/// the system produced no spans, recall is 0 when there are no gold spans,
/// and F1 is 0 when both counts are 0. No field is ever NaN.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Score {
    /// Matched spans as a percentage of system spans.
    pub precision: f64,
    /// Matched spans as a percentage of gold spans.
    pub recall: f64,
    /// Harmonic mean of precision and recall, in percent.
    pub f1: f64,
    /// Number of gold spans compared.
    pub gold: usize,
    /// Number of system spans compared.
    pub system: usize,
}

impl Score {
    /// The score of `matched` correct spans out of `gold` gold and `system`
    /// system spans (zero denominators give 0, never NaN).
    pub fn from_counts(matched: usize, gold: usize, system: usize) -> Score {
        let ratio = |num: usize, den: usize| {
            if den == 0 {
                0.0
            } else {
                100.0 * num as f64 / den as f64
            }
        };
        Score {
            precision: ratio(matched, system),
            recall: ratio(matched, gold),
            // 2PR / (P + R) written with counts, which is exact when either
            // count is zero.
            f1: ratio(2 * matched, gold + system),
            gold,
            system,
        }
    }
}

/// Token and sentence scores; see [`score_segmentation`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SegmentationScores {
    /// Scores of token spans.
    pub tokens: Score,
    /// Scores of sentence spans.
    pub sentences: Score,
}

/// Scores system token and sentence spans against gold spans over `text`
/// (all spans are byte offsets into `text`).
///
/// As in the CoNLL 2018 shared task, whitespace is ignored: every span is
/// mapped to the half-open range it covers in the sequence of the
/// non-whitespace characters of `text`, and a system span matches a gold
/// span when both mapped boundaries are equal. Each span matches at most
/// once. Spans that cover no non-whitespace character (empty,
/// whitespace-only or reversed spans) are left out of the counts. Offsets
/// beyond the text or inside a character are clamped to the previous
/// character boundary, so any input is accepted.
///
/// Precision is matched / system, recall is matched / gold, both in
/// percent; see [`Score`] for zero counts.
///
/// ```
/// use kazakh::{eval::score_segmentation, Span};
///
/// let text = "abc def";
/// let gold = [Span::new(0, 3), Span::new(4, 7)];
/// let system = [Span::new(0, 7)];
/// let sents = [Span::new(0, 7)];
/// let scores = score_segmentation(text, &gold, &sents, &system, &sents);
/// assert_eq!(scores.tokens.precision, 0.0);
/// assert_eq!(scores.sentences.f1, 100.0);
/// ```
pub fn score_segmentation(
    text: &str,
    gold_tokens: &[Span],
    gold_sentences: &[Span],
    system_tokens: &[Span],
    system_sentences: &[Span],
) -> SegmentationScores {
    let all = [gold_tokens, gold_sentences, system_tokens, system_sentences];
    let map = NonSpaceMap::new(text, all.iter().flat_map(|spans| spans.iter()));
    SegmentationScores {
        tokens: score_spans(&map, gold_tokens, system_tokens),
        sentences: score_spans(&map, gold_sentences, system_sentences),
    }
}

/// Segments the raw text of `treebank` with [`crate::sentences`] (which
/// tokenizes it once) and scores the system tokens and sentences against
/// the treebank's gold spans with [`score_segmentation`].
pub fn evaluate_segmentation(treebank: &Treebank) -> SegmentationScores {
    let text = treebank.raw_text();
    let mut system_tokens = Vec::new();
    let mut system_sentences = Vec::new();
    for sentence in crate::sentences::sentences(text) {
        system_sentences.push(sentence.span());
        system_tokens.extend(sentence.tokens().iter().map(|t| t.span()));
    }
    score_segmentation(
        text,
        treebank.gold_tokens(),
        treebank.gold_sentences(),
        &system_tokens,
        &system_sentences,
    )
}

fn score_spans(map: &NonSpaceMap, gold: &[Span], system: &[Span]) -> Score {
    let gold = map.map_all(gold);
    let system = map.map_all(system);
    // Both lists are sorted: count the multiset intersection.
    let (mut i, mut j, mut matched) = (0, 0, 0);
    while let (Some(g), Some(s)) = (gold.get(i), system.get(j)) {
        match g.cmp(s) {
            core::cmp::Ordering::Less => i += 1,
            core::cmp::Ordering::Greater => j += 1,
            core::cmp::Ordering::Equal => {
                matched += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Score::from_counts(matched, gold.len(), system.len())
}

/// Maps byte offsets of a text to the number of non-whitespace characters
/// before them, for a fixed set of offsets gathered up front (one pass over
/// the text, memory proportional to the number of offsets).
struct NonSpaceMap<'t> {
    text: &'t str,
    /// Sorted, deduplicated byte offsets on char boundaries.
    offsets: Vec<usize>,
    /// `counts[k]` = non-whitespace chars before `offsets[k]`.
    counts: Vec<usize>,
}

impl<'t> NonSpaceMap<'t> {
    fn new<'s>(text: &'t str, spans: impl Iterator<Item = &'s Span>) -> NonSpaceMap<'t> {
        let mut offsets: Vec<usize> = spans
            .flat_map(|s| [s.start, s.end])
            .map(|o| floor_boundary(text, o))
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let mut counts = Vec::with_capacity(offsets.len());
        let mut nonspace = 0;
        for (i, c) in text.char_indices() {
            while offsets.get(counts.len()).is_some_and(|&o| o <= i) {
                counts.push(nonspace);
            }
            if !c.is_whitespace() {
                nonspace += 1;
            }
        }
        while counts.len() < offsets.len() {
            counts.push(nonspace);
        }
        NonSpaceMap {
            text,
            offsets,
            counts,
        }
    }

    /// Non-whitespace characters before `offset` (clamped to a boundary).
    fn lookup(&self, offset: usize) -> usize {
        let offset = floor_boundary(self.text, offset);
        match self.offsets.binary_search(&offset) {
            Ok(k) => self.counts.get(k).copied().unwrap_or(0),
            // Every offset looked up was registered; count directly if not.
            Err(_) => self.text[..offset]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count(),
        }
    }

    /// Maps spans to non-whitespace character ranges, dropping the empty
    /// ones, and sorts them.
    fn map_all(&self, spans: &[Span]) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = spans
            .iter()
            .filter_map(|s| {
                let start = self.lookup(s.start);
                let end = self.lookup(s.end);
                (end > start).then_some((start, end))
            })
            .collect();
        out.sort_unstable();
        out
    }
}

/// The largest char boundary of `text` that is `<= offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    let mut i = offset;
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(list: &[(usize, usize)]) -> Vec<Span> {
        list.iter().map(|&(s, e)| Span::new(s, e)).collect()
    }

    #[test]
    fn token_scores_table() {
        // (text, gold, system, matched, gold count, system count)
        type Case = (
            &'static str,
            &'static [(usize, usize)],
            &'static [(usize, usize)],
            usize,
            usize,
            usize,
        );
        let cases: &[Case] = &[
            // One merged token matches neither gold token.
            ("abc def", &[(0, 3), (4, 7)], &[(0, 7)], 0, 2, 1),
            // Identical.
            ("abc def", &[(0, 3), (4, 7)], &[(0, 3), (4, 7)], 2, 2, 2),
            // A split token: one of three system tokens matches.
            (
                "abc def",
                &[(0, 3), (4, 7)],
                &[(0, 3), (4, 5), (5, 7)],
                1,
                2,
                3,
            ),
            // Whitespace inside spans is ignored.
            ("abc  def", &[(0, 3), (5, 8)], &[(0, 4), (4, 8)], 2, 2, 2),
            // Whitespace-only and empty spans are not counted.
            (
                "ab  cd",
                &[(0, 2), (4, 6)],
                &[(0, 2), (2, 4), (3, 3), (4, 6)],
                2,
                2,
                2,
            ),
            // Duplicates match at most once.
            ("ab cd", &[(0, 2), (3, 5)], &[(0, 2), (0, 2)], 1, 2, 2),
            // Out-of-range and mid-character offsets are clamped.
            ("әб", &[(0, 2), (2, 4)], &[(0, 3), (2, 99)], 2, 2, 2),
            // Nothing at all.
            ("", &[], &[], 0, 0, 0),
        ];
        for &(text, gold, system, matched, g, s) in cases {
            let gold = spans(gold);
            let system = spans(system);
            let scores = score_segmentation(text, &gold, &[], &system, &[]);
            let want = Score::from_counts(matched, g, s);
            assert_eq!(scores.tokens, want, "{text:?} {gold:?} {system:?}");
        }
    }

    #[test]
    fn percentages() {
        let s = Score::from_counts(1, 2, 3);
        assert!((s.precision - 100.0 / 3.0).abs() < 1e-9);
        assert!((s.recall - 50.0).abs() < 1e-9);
        assert!((s.f1 - 40.0).abs() < 1e-9);
        let zero = Score::from_counts(0, 0, 0);
        assert_eq!((zero.precision, zero.recall, zero.f1), (0.0, 0.0, 0.0));
        let no_system = Score::from_counts(0, 5, 0);
        assert_eq!((no_system.precision, no_system.f1), (0.0, 0.0));
        let perfect = Score::from_counts(7, 7, 7);
        assert_eq!(
            (perfect.precision, perfect.recall, perfect.f1),
            (100.0, 100.0, 100.0)
        );
    }

    #[test]
    fn sentence_scores() {
        let text = "Бір. Екі. Үш.";
        let gold = spans(&[(0, 7), (8, 15), (16, 21)]);
        // The system joins the first two sentences; trailing space included.
        let system = spans(&[(0, 16), (16, 21)]);
        let scores = score_segmentation(text, &[], &gold, &[], &system);
        assert_eq!(scores.sentences, Score::from_counts(1, 3, 2));
        assert_eq!(scores.tokens, Score::from_counts(0, 0, 0));
    }
}
