//! `kazakh ner` and `kazakh eval ner`: people, places and organizations.

use std::path::PathBuf;

use clap::ValueEnum;
use kazakh::eval::iob2::{self, Entity};
use kazakh::eval::SpanScorer;
use kazakh::ner::{Label, Recognizer};

use crate::io::{is_break_or_tab, write_conll, Failure, Input, OffsetConverter, Offsets, Output};

/// The public labels, in report order.
pub const LABELS: [&str; 3] = ["PER", "LOC", "ORG"];

/// Arguments of `kazakh ner`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input file; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,

    /// Output format for text input [default: jsonl]. Not accepted with
    /// `--input-format conll`, whose output is always CoNLL.
    #[arg(long, value_enum)]
    format: Option<Format>,

    /// Input format.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    input_format: InputFormat,

    /// Offsets in the output for text input: UTF-8 bytes or Unicode scalar
    /// values (chars, as Python counts them).
    #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
    offsets: Offsets,

    /// Replace invalid UTF-8 with U+FFFD instead of failing; offsets then
    /// refer to the repaired text, not to the input bytes.
    #[arg(long)]
    lossy: bool,

    /// A model file to use instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
}

/// Output formats of `kazakh ner` for text input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per entity:
    /// {"text","start","end","label","lemma","score"}, label PER, LOC or
    /// ORG, lemma the name in nominative form.
    Jsonl,
    /// One line per entity: START-END, label, lemma and text, separated by
    /// tabs.
    Text,
}

/// Input formats of `kazakh ner`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Raw text.
    Text,
    /// One token per line in the first whitespace-separated column (other
    /// columns ignored), a blank line between sentences. Output: one
    /// `TOKEN<TAB>LABEL` line per token, LABEL an IOB2 label with PER, LOC
    /// or ORG; a blank line after each sentence. A sentence id such as
    /// `AID283875` on the first line of a sentence (KazNERD) is passed
    /// through with label O.
    Conll,
}

/// The recognizer: the embedded model, or the one in `path`.
pub fn recognizer(path: Option<PathBuf>) -> Result<Recognizer, Failure> {
    match path {
        None => {
            Recognizer::embedded().map_err(|e| Failure::content(format!("embedded model: {e}")))
        }
        Some(path) => {
            let input = Input::new(Some(path));
            let bytes = input.read_bytes()?;
            kazakh::ner::Model::from_bytes(&bytes)
                .map(Recognizer::new)
                .map_err(|e| Failure::content(format!("{}: {e}", input.name())))
        }
    }
}

/// Runs `kazakh ner`.
pub fn run(args: Args) -> Result<(), Failure> {
    if args.input_format == InputFormat::Conll && args.format.is_some() {
        return Err(Failure::usage(
            "--format does not apply to --input-format conll; see 'kazakh ner --help'",
        ));
    }
    let recognizer = recognizer(args.model)?;
    let input = Input::new(args.file);
    let text = input.read_text(args.lossy)?;
    let mut out = Output::stdout();
    match (args.input_format, args.format.unwrap_or(Format::Jsonl)) {
        (InputFormat::Conll, _) => write_conll(&mut out, &text, "\tO", |buf, tokens| {
            conll_sentence(buf, &recognizer, tokens)
        })?,
        (InputFormat::Text, format) => {
            let mut offsets = OffsetConverter::new(&text, args.offsets);
            let mut line = String::new();
            for entity in recognizer.recognize(&text) {
                let start = offsets.convert(entity.span().start);
                let end = offsets.convert(entity.span().end);
                line.clear();
                match format {
                    Format::Jsonl => json_line(&mut line, &entity, start, end),
                    Format::Text => text_line(&mut line, &entity, start, end),
                }
                out.write_str(&line)?;
            }
        }
    }
    out.finish()
}

/// One JSON object and a line break.
pub fn json_line(out: &mut String, e: &kazakh::ner::Entity<'_>, start: usize, end: usize) {
    push_entity_json(out, e.text(), start, end, e.label(), e.lemma(), e.score());
    out.push('\n');
}

/// One entity's JSON object, without a line break (shared with
/// `kazakh annotate`).
pub(crate) fn push_entity_json(
    out: &mut String,
    text: &str,
    start: usize,
    end: usize,
    label: Label,
    lemma: &str,
    score: f32,
) {
    let value = serde_json::json!({
        "text": text,
        "start": start,
        "end": end,
        "label": label.as_str(),
        "lemma": lemma,
        "score": (f64::from(score) * 1000.0).round() / 1000.0,
    });
    out.push_str(&value.to_string());
}

/// `START-END<TAB>label<TAB>lemma<TAB>text` and a line break.
fn text_line(out: &mut String, e: &kazakh::ner::Entity<'_>, start: usize, end: usize) {
    out.push_str(&format!("{start}-{end}\t{}\t", e.label()));
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if is_break_or_tab(c) { ' ' } else { c })
            .collect()
    };
    out.push_str(&clean(e.lemma()));
    out.push('\t');
    out.push_str(&clean(e.text()));
    out.push('\n');
}

/// Appends `token<TAB>label` for each token of one sentence.
fn conll_sentence(out: &mut String, recognizer: &Recognizer, tokens: &[&str]) {
    for (token, label) in tokens.iter().zip(recognizer.iob2(tokens)) {
        out.push_str(token);
        out.push('\t');
        out.push_str(label);
        out.push('\n');
    }
}

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

/// Arguments of `kazakh eval ner`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold IOB2 file, KazNERD layout (`-` for standard input).
    #[arg(long, value_name = "FILE.iob2")]
    gold: PathBuf,

    /// A model file to use instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
}

/// Runs `kazakh eval ner`.
pub fn eval(args: EvalArgs) -> Result<(), Failure> {
    let recognizer = recognizer(args.model)?;
    let input = Input::new(Some(args.gold));
    let text = input.read_text(false)?;
    let sentences =
        iob2::parse(&text).map_err(|e| Failure::content(format!("{}: {e}", input.name())))?;
    let mut scorer = SpanScorer::new();
    for sentence in &sentences {
        let gold = public_labels(sentence.labels());
        let system = recognizer.iob2(sentence.tokens());
        scorer.add(&gold, &system);
    }
    let scores = crate::eval::rounded(scorer.scores(&LABELS));
    crate::io::print_json_line(&scores)
}
