//! Score tables of `kazakh eval` and `kazakh train`: the public entity
//! labels, the mapping of KazNERD's gold types to them, and rounding.

use kazakh::eval::iob2::{self, Entity};
use kazakh::eval::{LabelScores, Score};
use kazakh::ner::Label;

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
