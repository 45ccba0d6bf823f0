//! Reading IOB2-labelled token files (the CoNLL 2002 layout used by
//! KazNERD) and scoring labelled spans.
//!
//! # File layout
//!
//! One token per line, followed by its label; the label is the text after
//! the **last** space or tab of the line, the token everything before it
//! (trimmed). A blank line (empty or whitespace only) ends a sentence. A
//! leading byte-order mark and `\r\n` line ends are accepted. Labels are
//! `O`, `B-TYPE` or `I-TYPE` with a non-empty `TYPE`.
//!
//! When the first token of a sentence is a sentence id — a letter `A` to
//! `F`, then `ID`, then one or more ASCII digits, as in KazNERD's
//! `with_sentID` files (`AID283875 O`) — it is taken as the sentence's
//! [`Sentence::id`] and not as a token; its label is not checked.
//!
//! # Spans
//!
//! [`entities`] reads labelled spans from a label sequence with the strict
//! definition of `conlleval` and `seqeval`: a span starts at `B-X`, or at an
//! `I-X` whose previous label is neither `B-X` nor `I-X`, and continues over
//! the following `I-X` labels of the same type. [`SpanScorer`] counts gold,
//! system and matching spans per label; a system span matches a gold span
//! when the label and both token boundaries are equal.
//!
//! ```
//! use kazakh::eval::iob2::{self, SpanScorer};
//!
//! let gold = "AID7 O\nбес B-CARDINAL\nмың I-CARDINAL\nадам O\n\nBID7 O\n5 B-CARDINAL\nмың I-CARDINAL\n";
//! let sentences = iob2::parse(gold)?;
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(sentences[0].id(), Some("AID7"));
//! assert_eq!(sentences[0].tokens(), ["бес", "мың", "адам"]);
//!
//! let mut scorer = SpanScorer::new();
//! scorer.add(sentences[0].labels(), &["B-CARDINAL", "O", "O"]);
//! scorer.add(sentences[1].labels(), &["B-CARDINAL", "I-CARDINAL"]);
//! let scores = scorer.scores(&["CARDINAL"]);
//! assert_eq!(scores.get("CARDINAL").unwrap().gold, 2);
//! assert_eq!(scores.micro.precision, 50.0);
//! # Ok::<(), kazakh::Error>(())
//! ```

use std::collections::BTreeMap;

use super::Score;
use crate::error::{Error, ErrorKind};
pub use crate::ner::iob::{entities, to_labels, Entity, Tag};

/// One sentence of an IOB2 file: its tokens with their labels, and the
/// sentence id when the file has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence<'a> {
    id: Option<&'a str>,
    tokens: Vec<&'a str>,
    labels: Vec<&'a str>,
    line: usize,
}

impl<'a> Sentence<'a> {
    /// The sentence id (`AID283875`), when the sentence starts with one.
    pub fn id(&self) -> Option<&'a str> {
        self.id
    }

    /// The digits of the id after its `AID`…`FID` prefix (`283875`): the
    /// same number marks variants of one sentence.
    pub fn id_number(&self) -> Option<&'a str> {
        self.id.and_then(|id| id.get(3..))
    }

    /// The tokens, in order (the id line excluded).
    pub fn tokens(&self) -> &[&'a str] {
        &self.tokens
    }

    /// The labels, one per token.
    pub fn labels(&self) -> &[&'a str] {
        &self.labels
    }

    /// The 1-based line of the first token; token `i` is on line
    /// `line() + i`. For a sentence with an id but no tokens, the line after
    /// the id.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the sentence has no tokens (only an id line).
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// Parses an IOB2 file into its sentences; see the [module
/// documentation](self) for the layout.
///
/// # Errors
///
/// An [`ErrorKind::Parse`] error naming the 1-based line when a line has
/// no space or tab between a token and a label, the token is empty, or the
/// label is not `O`, `B-TYPE` or `I-TYPE`.
///
/// ```
/// let err = kazakh::eval::iob2::parse("Ол O\nкелді\n").unwrap_err();
/// assert_eq!(err.line(), Some(2));
/// ```
pub fn parse(input: &str) -> Result<Vec<Sentence<'_>>, Error> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut sentences = Vec::new();
    let mut current: Option<Sentence<'_>> = None;
    for (index, line) in input.split('\n').enumerate() {
        let number = index + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            sentences.extend(current.take());
            continue;
        }
        let (token, label) = split_line(line, number)?;
        let sentence = match current.as_mut() {
            Some(sentence) => sentence,
            None if is_sentence_id(token) => {
                current = Some(Sentence {
                    id: Some(token),
                    tokens: Vec::new(),
                    labels: Vec::new(),
                    line: number + 1,
                });
                continue;
            }
            None => current.insert(Sentence {
                id: None,
                tokens: Vec::new(),
                labels: Vec::new(),
                line: number,
            }),
        };
        if Tag::parse(label).is_none() {
            return Err(parse_error(
                number,
                format!("malformed label {label:?} (expected O, B-TYPE or I-TYPE)"),
            ));
        }
        sentence.tokens.push(token);
        sentence.labels.push(label);
    }
    sentences.extend(current);
    Ok(sentences)
}

/// Splits a line at its last space or tab into a trimmed token and a label.
fn split_line(line: &str, number: usize) -> Result<(&str, &str), Error> {
    let line = line.trim_end_matches([' ', '\t']);
    let Some(at) = line.rfind([' ', '\t']) else {
        return Err(parse_error(
            number,
            "expected a token and a label separated by a space or tab",
        ));
    };
    let token = line[..at].trim_matches([' ', '\t']);
    if token.is_empty() {
        return Err(parse_error(number, "empty token"));
    }
    Ok((token, &line[at + 1..]))
}

/// Whether `token` is a KazNERD sentence id: `[A-F]ID[0-9]+`.
pub fn is_sentence_id(token: &str) -> bool {
    let bytes = token.as_bytes();
    bytes.len() > 3
        && (b'A'..=b'F').contains(&bytes[0])
        && &bytes[1..3] == b"ID"
        && bytes[3..].iter().all(u8::is_ascii_digit)
}

fn parse_error(line: usize, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Parse, message).with_line(line)
}

/// Counts of one label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    gold: usize,
    system: usize,
    matched: usize,
}

/// Accumulates strict span matches per label over many sentences.
///
/// Each call to [`SpanScorer::add`] compares the spans of one sentence;
/// [`SpanScorer::scores`] gives precision, recall and F1 per label and
/// their micro average (from the summed counts) over a chosen set of
/// labels.
#[derive(Clone, Debug, Default)]
pub struct SpanScorer {
    counts: BTreeMap<String, Counts>,
}

impl SpanScorer {
    /// An empty scorer.
    pub fn new() -> SpanScorer {
        SpanScorer::default()
    }

    /// Adds one sentence given as gold and system IOB2 label sequences
    /// (read with [`entities`]). The sequences are normally of equal
    /// length; spans are compared by token index either way.
    pub fn add<G: AsRef<str>, S: AsRef<str>>(&mut self, gold: &[G], system: &[S]) {
        self.add_entities(&entities(gold), &entities(system));
    }

    /// Adds one sentence given as gold and system spans. A system span
    /// matches a gold span with the same label and token boundaries; each
    /// gold span matches at most once.
    pub fn add_entities(&mut self, gold: &[Entity<'_>], system: &[Entity<'_>]) {
        let mut sorted = gold.to_vec();
        sorted.sort_unstable();
        let mut used = vec![false; sorted.len()];
        for e in gold {
            self.bump(e.label, |c| c.gold += 1);
        }
        for e in system {
            // The first unused gold span equal to `e`.
            let first = sorted.partition_point(|g| g < e);
            let found = (first..sorted.len())
                .take_while(|&k| sorted[k] == *e)
                .find(|&k| !used[k]);
            if let Some(k) = found {
                used[k] = true;
            }
            self.bump(e.label, |c| {
                c.system += 1;
                c.matched += usize::from(found.is_some());
            });
        }
    }

    fn bump(&mut self, label: &str, change: impl FnOnce(&mut Counts)) {
        if let Some(counts) = self.counts.get_mut(label) {
            change(counts);
            return;
        }
        let mut counts = Counts::default();
        change(&mut counts);
        self.counts.insert(label.to_owned(), counts);
    }

    /// Every label seen in gold or system spans, sorted.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.counts.keys().map(String::as_str)
    }

    /// Scores of the given labels, in the given order (a label never seen
    /// scores zero, a repeated label is listed once), and their micro
    /// average. Spans of other labels are not counted.
    pub fn scores(&self, labels: &[&str]) -> LabelScores {
        let mut out = LabelScores::default();
        let mut total = Counts::default();
        for &label in labels {
            if out.labels.iter().any(|(l, _)| l == label) {
                continue;
            }
            let c = self.counts.get(label).copied().unwrap_or_default();
            total.gold += c.gold;
            total.system += c.system;
            total.matched += c.matched;
            out.labels.push((
                label.to_owned(),
                Score::from_counts(c.matched, c.gold, c.system),
            ));
        }
        out.micro = Score::from_counts(total.matched, total.gold, total.system);
        out
    }

    /// Scores of every label seen, sorted by label, and their micro average.
    pub fn scores_all(&self) -> LabelScores {
        let labels: Vec<&str> = self.labels().collect();
        self.scores(&labels)
    }
}

/// Per-label span scores and their micro average; see
/// [`SpanScorer::scores`].
///
/// With the `serde` feature it serializes as
/// `{"labels":{"LABEL":{"precision",…},…},"micro":{…}}`, labels in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelScores {
    /// Label and score, in the order asked for.
    pub labels: Vec<(String, Score)>,
    /// Scores from the counts summed over the labels.
    pub micro: Score,
}

impl LabelScores {
    /// The score of one label, if it was asked for.
    pub fn get(&self, label: &str) -> Option<Score> {
        self.labels
            .iter()
            .find(|(l, _)| l == label)
            .map(|&(_, score)| score)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for LabelScores {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        /// The labels as a JSON object, in order.
        struct Labels<'a>(&'a [(String, Score)]);

        impl serde::Serialize for Labels<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.0.iter().map(|(label, score)| (label, score)))
            }
        }

        let mut s = serializer.serialize_struct("LabelScores", 2)?;
        s.serialize_field("labels", &Labels(&self.labels))?;
        s.serialize_field("micro", &self.micro)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(s: &'a Sentence<'_>) -> Vec<(&'a str, &'a str)> {
        s.tokens()
            .iter()
            .zip(s.labels())
            .map(|(&t, &l)| (t, l))
            .collect()
    }

    #[test]
    fn parse_table() {
        type Case = (
            &'static str,
            &'static [(
                Option<&'static str>,
                usize,
                &'static [(&'static str, &'static str)],
            )],
        );
        let cases: &[Case] = &[
            ("", &[]),
            ("\n\n  \n", &[]),
            // Plain KazNERD layout; the last sentence has no blank line after it.
            (
                "Ол O\nкелді O\n\nБес B-CARDINAL\n",
                &[
                    (None, 1, &[("Ол", "O"), ("келді", "O")]),
                    (None, 4, &[("Бес", "B-CARDINAL")]),
                ],
            ),
            // Sentence ids; an id-like token later in the sentence is a token.
            (
                "AID283875 O\nӘрі O\nBID1 O\n\nFID02 O\n3,2% B-PERCENTAGE\n",
                &[
                    (Some("AID283875"), 2, &[("Әрі", "O"), ("BID1", "O")]),
                    (Some("FID02"), 6, &[("3,2%", "B-PERCENTAGE")]),
                ],
            ),
            // Not ids: another letter, no digits, lower case.
            (
                "GID1 O\n\nAID O\n\naid1 O\n",
                &[
                    (None, 1, &[("GID1", "O")]),
                    (None, 3, &[("AID", "O")]),
                    (None, 5, &[("aid1", "O")]),
                ],
            ),
            // The last space or tab separates; tokens are trimmed; BOM, CRLF,
            // whitespace-only separator lines, several blank lines.
            (
                "\u{feff}келген жоқ O\r\na\tb\tI-X\r\n \t\r\n\n\n  х  O  \n",
                &[
                    (None, 1, &[("келген жоқ", "O"), ("a\tb", "I-X")]),
                    (None, 6, &[("х", "O")]),
                ],
            ),
            // A sentence with only an id.
            (
                "CID9 O\n\nы O\n",
                &[(Some("CID9"), 2, &[]), (None, 3, &[("ы", "O")])],
            ),
        ];
        for (input, want) in cases {
            let got = parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(got.len(), want.len(), "{input:?}");
            for (s, (id, line, pairs)) in got.iter().zip(want.iter()) {
                assert_eq!(s.id(), *id, "{input:?}");
                assert_eq!(s.line(), *line, "{input:?}");
                assert_eq!(words(s), *pairs, "{input:?}");
                assert_eq!(s.len(), pairs.len());
            }
        }
        let s = &parse("DID330210 O\na O\n").unwrap()[0];
        assert_eq!(s.id_number(), Some("330210"));
    }

    #[test]
    fn parse_errors_name_the_line() {
        let cases: &[(&str, usize, &str)] = &[
            ("Ол O\nкелді\n", 2, "separated"),
            ("Ол O\n\n O\n", 3, "empty token"),
            ("a O\nb B-\n", 2, "malformed label"),
            ("a O\nb X-Y\n", 2, "malformed label"),
            ("a o\n", 1, "malformed label"),
            ("a O\nb I-\n", 2, "malformed label"),
            ("AID1 O\nb B_X\n", 2, "malformed label"),
        ];
        for &(input, line, needle) in cases {
            let err = parse(input).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Parse, "{input:?}");
            assert_eq!(err.line(), Some(line), "{input:?}: {err}");
            assert!(err.message().contains(needle), "{input:?}: {err}");
            assert!(err.to_string().starts_with(&format!("line {line}: ")));
        }
    }

    #[test]
    fn sentence_ids() {
        for id in ["AID1", "BID283875", "FID0"] {
            assert!(is_sentence_id(id), "{id}");
        }
        for not in ["", "AID", "GID1", "AId1", "AID1a", "AID-1", "ӘID1", " AID1"] {
            assert!(!is_sentence_id(not), "{not}");
        }
    }

    fn e(label: &str, start: usize, end: usize) -> Entity<'_> {
        Entity { label, start, end }
    }

    #[test]
    fn scorer_table() {
        // (gold, system, label, matched, gold count, system count)
        type Case = (
            &'static [&'static str],
            &'static [&'static str],
            &'static str,
            usize,
            usize,
            usize,
        );
        let cases: &[Case] = &[
            (&["B-A", "I-A"], &["B-A", "I-A"], "A", 1, 1, 1),
            // A boundary off by one is no match.
            (&["B-A", "I-A"], &["B-A", "O"], "A", 0, 1, 1),
            (&["B-A", "O"], &["B-A", "I-A"], "A", 0, 1, 1),
            // Same span, other type.
            (&["B-A"], &["B-B"], "A", 0, 1, 0),
            (&["B-A"], &["B-B"], "B", 0, 0, 1),
            // A split span.
            (&["B-A", "I-A"], &["B-A", "B-A"], "A", 0, 1, 2),
            // I-A after O equals B-A.
            (&["O", "B-A"], &["O", "I-A"], "A", 1, 1, 1),
            // Other types do not disturb the scored one.
            (
                &["B-A", "B-D", "I-D", "I-A"],
                &["B-A", "O", "O", "B-A"],
                "A",
                2,
                2,
                2,
            ),
            (&["O"], &["O"], "A", 0, 0, 0),
        ];
        for &(gold, system, label, matched, g, s) in cases {
            let mut scorer = SpanScorer::new();
            scorer.add(gold, system);
            let scores = scorer.scores(&[label]);
            let want = Score::from_counts(matched, g, s);
            assert_eq!(scores.get(label), Some(want), "{gold:?} {system:?}");
            assert_eq!(scores.micro, want);
        }
    }

    #[test]
    fn scorer_sums_sentences_and_labels() {
        let mut scorer = SpanScorer::new();
        scorer.add(&["B-A", "O", "B-B"], &["B-A", "O", "O"]);
        scorer.add(&["B-B", "I-B"], &["B-B", "I-B"]);
        scorer.add(&["B-C"], &["B-A"]);
        assert_eq!(scorer.labels().collect::<Vec<_>>(), ["A", "B", "C"]);
        let scores = scorer.scores(&["B", "A", "B", "Z"]);
        let order: Vec<&str> = scores.labels.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(order, ["B", "A", "Z"]);
        assert_eq!(scores.get("A"), Some(Score::from_counts(1, 1, 2)));
        assert_eq!(scores.get("B"), Some(Score::from_counts(1, 2, 1)));
        assert_eq!(scores.get("Z"), Some(Score::from_counts(0, 0, 0)));
        assert_eq!(scores.get("C"), None);
        assert_eq!(scores.micro, Score::from_counts(2, 3, 3));
        let all = scorer.scores_all();
        assert_eq!(all.micro, Score::from_counts(2, 4, 3));
    }

    #[test]
    fn duplicate_system_spans_match_once() {
        let mut scorer = SpanScorer::new();
        scorer.add_entities(&[e("A", 0, 1)], &[e("A", 0, 1), e("A", 0, 1)]);
        assert_eq!(scorer.scores(&["A"]).micro, Score::from_counts(1, 1, 2));
    }

    #[test]
    fn kaznerd_valid() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/kaznerd");
        let (Ok(plain), Ok(with_ids)) = (
            std::fs::read_to_string(root.join("IOB2_valid.txt")),
            std::fs::read_to_string(root.join("with_sentID/IOB2_valid2.txt")),
        ) else {
            crate::eval::data_missing(&format!(
                "the KazNERD files are not available under {}",
                root.display()
            ));
            return;
        };
        let plain = parse(&plain).unwrap();
        let with_ids = parse(&with_ids).unwrap();
        assert_eq!(plain.len(), 11_167);
        assert_eq!(with_ids.len(), plain.len());
        assert!(plain.iter().all(|s| s.id().is_none()));
        assert!(with_ids.iter().all(|s| s.id().is_some()));
        let tokens: usize = plain.iter().map(Sentence::len).sum();
        assert_eq!(tokens, 129_223);
        for (a, b) in plain.iter().zip(&with_ids) {
            assert_eq!(a.tokens(), b.tokens());
            assert_eq!(a.labels(), b.labels());
        }
        // Gold against itself is perfect.
        let mut scorer = SpanScorer::new();
        for s in &plain {
            scorer.add(s.labels(), s.labels());
        }
        let all = scorer.scores_all();
        assert_eq!(all.micro.f1, 100.0);
        assert_eq!(all.micro.gold, 13_483);
    }
}
