//! Evaluation against gold corpora.
//!
//! * [`conllu`] reads CoNLL-U treebanks (rebuilding their raw text with gold
//!   token and sentence spans) and writes tokenizer output as CoNLL-U.
//! * [`score_segmentation`] and [`evaluate_segmentation`] compute token and
//!   sentence segmentation scores with the definitions of the CoNLL 2018
//!   shared task: spans are compared on the sequence of non-whitespace
//!   characters, and a system span counts as correct when both of its
//!   boundaries equal those of a gold span.
//! * [`iob2`] reads IOB2-labelled token files (KazNERD) and scores labelled
//!   spans strictly, per label and micro-averaged ([`SpanScorer`],
//!   [`LabelScores`]).
//!
//! ```
//! use kazakh::eval::{conllu::Treebank, evaluate_segmentation};
//!
//! let gold = "# sent_id = doc:1\n# text = Ол келді.\n\
//!             1\tОл\t_\t_\t_\t_\t_\t_\t_\t_\n\
//!             2\tкелді\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
//!             3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
//! let treebank = Treebank::parse(gold)?;
//! assert_eq!(treebank.raw_text(), "Ол келді.");
//! let scores = evaluate_segmentation(&treebank);
//! assert_eq!(scores.tokens.gold, 3);
//! assert!(scores.tokens.f1 <= 100.0);
//! # Ok::<(), kazakh::Error>(())
//! ```

pub mod conllu;
pub mod iob2;
mod segmentation;

pub use iob2::{LabelScores, SpanScorer};

/// For tests that read corpora beside the project (`../shared/data`):
/// without them the test says why it skips, and under `CI=true` it fails
/// instead, so that a CI run without its data cannot pass silently.
#[cfg(test)]
pub(crate) fn data_missing(why: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("{why}; CI=true requires it (a test that skips there would pass silently)");
    }
    println!("skipped: {why} (under CI=true this fails)");
}
pub use segmentation::{evaluate_segmentation, score_segmentation, Score, SegmentationScores};
