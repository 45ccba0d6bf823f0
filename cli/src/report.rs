//! Score tables of `kazakh eval` and `kazakh train`: the public entity
//! labels, the mapping of KazNERD's gold types to them, and rounding.

use kazakh::eval::iob2::{self, Entity};
use kazakh::eval::{LabelScores, Score};
use kazakh::ner::Label;
use kazakh::numbers::NumberMention;

/// The public entity labels, in report order.
pub const LABELS: [&str; 3] = ["PER", "LOC", "ORG"];

/// The gold labels of a KazNERD sentence with public types: PERSON → PER,
/// GPE and LOCATION → LOC, ORGANISATION → ORG, other types → O.
pub fn public_labels(labels: &[&str]) -> Vec<String> {
    let spans: Vec<Entity<'_>> = iob2::entities(labels)
        .into_iter()
        .filter_map(|e| {
            Label::from_type(e.label).map(|l| Entity {
                label: l.as_str(),
                ..e
            })
        })
        .collect();
    iob2::to_labels(labels.len(), &spans)
}

/// `x` rounded to 2 decimals.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The scores with percentages rounded to 2 decimals.
pub fn rounded(mut scores: LabelScores) -> LabelScores {
    for (_, score) in &mut scores.labels {
        *score = round(*score);
    }
    scores.micro = round(scores.micro);
    scores
}

/// One score with percentages rounded to 2 decimals.
pub fn round(score: Score) -> Score {
    Score {
        precision: round2(score.precision),
        recall: round2(score.recall),
        f1: round2(score.f1),
        ..score
    }
}

/// The number classes whose values variants of a sentence must agree on.
pub const VALUE_LABELS: [&str; 7] = [
    "CARDINAL",
    "ORDINAL",
    "PERCENTAGE",
    "MONEY",
    "QUANTITY",
    "DATE",
    "TIME",
];

/// Agreement between variants of one sentence: of `groups` groups with
/// two or more variants, `agreeing` find the same pairs in every variant
/// (`rate`: percent, rounded to 2 decimals; 0 without groups).
#[derive(Debug, serde::Serialize, PartialEq)]
pub struct Variants {
    pub groups: usize,
    pub agreeing: usize,
    pub rate: f64,
}

/// One variant: its sentence (tokens joined by spaces) and its sorted
/// (label, value) pairs.
type Found = (String, Vec<(&'static str, String)>);

/// The (label, value) pairs found in the variants of each sentence: the
/// `variants` and `date_variants` figures of `kazakh eval numbers` and of
/// `kazakh train ner --folds`.
#[derive(Default)]
pub struct VariantGroups {
    /// Sentence-id number (the id after its A–F prefix) → variants.
    groups: std::collections::BTreeMap<String, Vec<Found>>,
}

impl VariantGroups {
    /// Records one variant: the sentence's id number, its tokens joined by
    /// spaces, and the mentions found in it (those of [`VALUE_LABELS`]
    /// count).
    pub fn add(&mut self, number: &str, sentence: &str, mentions: &[NumberMention<'_>]) {
        let mut found: Vec<(&'static str, String)> = mentions
            .iter()
            .filter(|m| VALUE_LABELS.contains(&m.label()))
            .map(|m| (m.label(), m.value().to_string()))
            .collect();
        found.sort();
        self.groups
            .entry(number.to_owned())
            .or_default()
            .push((sentence.to_owned(), found));
    }

    /// Agreement over all seven classes.
    pub fn variants(&self) -> Variants {
        agreement(self.groups.values(), |_| true)
    }

    /// Agreement on the DATE and TIME pairs alone, over the groups where
    /// some variant has one.
    pub fn date_variants(&self) -> Variants {
        let dated = self.groups.values().filter(|v| {
            v.iter()
                .any(|(_, found)| found.iter().any(|(l, _)| temporal(l)))
        });
        agreement(dated, temporal)
    }

    /// The groups of two or more variants that disagree (all seven
    /// classes), as text: per group a line with the id number, then one
    /// line per variant, `sentence<TAB>label=value; …`, and a blank line.
    pub fn disagreeing(&self) -> String {
        let mut out = String::new();
        for (number, group) in &self.groups {
            if group.len() < 2 || agrees(group, |_| true) {
                continue;
            }
            out.push_str(number);
            out.push('\n');
            for (sentence, found) in group {
                let pairs: Vec<String> = found.iter().map(|(l, v)| format!("{l}={v}")).collect();
                out.push_str(&format!("{sentence}\t{}\n", pairs.join("; ")));
            }
            out.push('\n');
        }
        out
    }
}

fn temporal(label: &str) -> bool {
    matches!(label, "DATE" | "TIME")
}

/// Whether every variant of `group` finds the same pairs, counting those
/// whose label `keep` accepts.
fn agrees(group: &[Found], keep: impl Fn(&str) -> bool) -> bool {
    let mut kept = group
        .iter()
        .map(|(_, found)| found.iter().filter(|(l, _)| keep(l)));
    let Some(first) = kept.next() else {
        return true;
    };
    let first: Vec<_> = first.collect();
    kept.all(|other| other.eq(first.iter().copied()))
}

/// How many groups of two or more variants agree, counting the pairs
/// whose label `keep` accepts.
fn agreement<'g>(
    groups: impl Iterator<Item = &'g Vec<Found>>,
    keep: impl Fn(&str) -> bool,
) -> Variants {
    let (mut total, mut agreeing) = (0, 0);
    for group in groups.filter(|v| v.len() >= 2) {
        total += 1;
        agreeing += usize::from(agrees(group, &keep));
    }
    let rate = if total == 0 {
        0.0
    } else {
        round2(100.0 * agreeing as f64 / total as f64)
    };
    Variants {
        groups: total,
        agreeing,
        rate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Groups of sentences: an id number and its variants.
    type Groups<'a> = &'a [(&'a str, &'a [&'a str])];

    /// The figures of groups of sentences, each found by the rules.
    fn figures(groups: Groups<'_>) -> (Variants, Variants) {
        let mut all = VariantGroups::default();
        for (number, sentences) in groups {
            for sentence in *sentences {
                all.add(number, sentence, &kazakh::numbers::extract(sentence));
            }
        }
        (all.variants(), all.date_variants())
    }

    #[test]
    fn variants_agree_on_sorted_pairs() {
        let v = |groups, agreeing, rate| Variants {
            groups,
            agreeing,
            rate,
        };
        let cases: &[(Groups<'_>, Variants, Variants)] = &[
            // Words, digits and the sign give one value.
            (
                &[("1", &["бес пайыз өсті", "5 пайыз өсті", "5% өсті"])],
                v(1, 1, 100.0),
                v(0, 0, 0.0),
            ),
            // A single variant is no group.
            (&[("1", &["бес пайыз"])], v(0, 0, 0.0), v(0, 0, 0.0)),
            // Different values disagree; the order of mentions does not count.
            (
                &[
                    ("1", &["бес алма", "6 алма"]),
                    ("2", &["екі алма мен үш алмұрт", "3 алмұрт пен 2 алма"]),
                ],
                v(2, 1, 50.0),
                v(0, 0, 0.0),
            ),
            // Dates are compared alone, over the groups that have one.
            (
                &[
                    ("1", &["2016 жылы бес алма", "2016 жылы 6 алма"]),
                    ("2", &["бес алма", "5 алма"]),
                ],
                v(2, 1, 50.0),
                v(1, 1, 100.0),
            ),
        ];
        for (groups, variants, dates) in cases {
            let (got, got_dates) = figures(groups);
            assert_eq!(&got, variants, "{groups:?}");
            assert_eq!(&got_dates, dates, "{groups:?}");
        }
    }

    #[test]
    fn disagreeing_groups_are_written_out() {
        let mut all = VariantGroups::default();
        for (number, sentence) in [("7", "бес алма"), ("7", "6 алма"), ("8", "бес")] {
            all.add(number, sentence, &kazakh::numbers::extract(sentence));
        }
        assert_eq!(
            all.disagreeing(),
            "7\nбес алма\tCARDINAL=5\n6 алма\tCARDINAL=6\n\n"
        );
    }
}
