//! `kazakh eval`: scores against gold annotations.

use std::path::PathBuf;

use kazakh::eval::{conllu::Treebank, evaluate_segmentation, Score, SegmentationScores};

use crate::io::{warning_line, Failure, Input, Output};

/// Subcommands of `kazakh eval`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Token and sentence segmentation against a CoNLL-U file.
    ///
    /// Rebuilds the raw text from the `# text` comments (sentences of a
    /// document joined by a space, documents by a blank line), segments it,
    /// and prints one JSON line:
    /// {"tokens":{"precision","recall","f1","gold","system"},"sentences":{…}}
    /// with percentages rounded to 2 decimals (CoNLL 2018 definitions:
    /// whitespace ignored, both boundaries must match). Forms that cannot be
    /// found in the sentence text are reported as warnings on standard
    /// error. Malformed CoNLL-U or invalid UTF-8 exits with status 1.
    #[command(after_help = crate::EXIT_STATUS)]
    Tokens(TokensArgs),
}

/// Arguments of `kazakh eval tokens`.
#[derive(Debug, clap::Args)]
pub struct TokensArgs {
    /// Gold CoNLL-U file (`-` for standard input).
    #[arg(long, value_name = "FILE.conllu")]
    gold: PathBuf,
}

/// Runs `kazakh eval …`.
pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Tokens(args) => tokens(args),
    }
}

fn tokens(args: TokensArgs) -> Result<(), Failure> {
    let input = Input::new(Some(args.gold));
    let treebank = read_treebank(&input)?;
    let scores = evaluate_segmentation(&treebank);
    let rounded = SegmentationScores {
        tokens: round(scores.tokens),
        sentences: round(scores.sentences),
    };
    let mut line = serde_json::to_string(&rounded)
        .map_err(|e| Failure::content(format!("cannot write JSON: {e}")))?;
    line.push('\n');
    let mut out = Output::stdout();
    out.write_str(&line)?;
    out.finish()
}

/// Reads and parses a CoNLL-U file, printing its alignment warnings.
fn read_treebank(input: &Input) -> Result<Treebank, Failure> {
    let text = input.read_text(false)?;
    let treebank =
        Treebank::parse(&text).map_err(|e| Failure::content(format!("{}: {e}", input.name())))?;
    for warning in treebank.warnings() {
        warning_line(&format!("{}: {warning}", input.name()));
    }
    Ok(treebank)
}

fn round(score: Score) -> Score {
    let r = |x: f64| (x * 100.0).round() / 100.0;
    Score {
        precision: r(score.precision),
        recall: r(score.recall),
        f1: r(score.f1),
        ..score
    }
}
