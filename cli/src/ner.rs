//! `kazakh ner`: people, places and organizations.

use std::path::PathBuf;

use clap::ValueEnum;
use kazakh::ner::Recognizer;
use kazakh::schema::EntityView;
use kazakh::Span;

use crate::io::{is_break_or_tab, write_conll, Failure, Input, OffsetConverter, Offsets, Output};
use crate::model;
use crate::render::jsonl;

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

/// Runs `kazakh ner`.
pub fn run(args: Args) -> Result<(), Failure> {
    if args.input_format == InputFormat::Conll && args.format.is_some() {
        return Err(Failure::usage(
            "--format does not apply to --input-format conll; see 'kazakh ner --help'",
        ));
    }
    let recognizer = model::recognizer(args.model)?;
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
                let at = offsets.span(entity.span());
                line.clear();
                match format {
                    Format::Jsonl => {
                        jsonl::line(&mut line, &EntityView::new(&entity, at))
                            .map_err(Failure::content)?;
                    }
                    Format::Text => text_line(&mut line, &entity, at),
                }
                out.write_str(&line)?;
            }
        }
    }
    out.finish()
}

/// `START-END<TAB>label<TAB>lemma<TAB>text` and a line break.
fn text_line(out: &mut String, e: &kazakh::ner::Entity<'_>, at: Span) {
    out.push_str(&format!("{}-{}\t{}\t", at.start, at.end, e.label()));
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
