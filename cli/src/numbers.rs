//! `kazakh numbers`: number mentions with their exact values.

use std::path::PathBuf;

use clap::ValueEnum;
use kazakh::numbers::NumberMention;
use kazakh::schema::NumberView;
use kazakh::Span;

use crate::io::{is_break_or_tab, write_conll, Failure, Input, OffsetConverter, Offsets, Output};
use crate::model::{place, Finder};
use crate::render::{jsonl, value_text};

/// Arguments of `kazakh numbers`.
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

    /// Spans from the rules alone. By default the entity tagger, trained on
    /// KazNERD with the rules' mentions as features, proposes the spans
    /// (KazNERD's conventions) and the rules read their values.
    #[arg(long)]
    rules_only: bool,

    /// A model file to use instead of the embedded one.
    #[arg(long, value_name = "FILE", conflicts_with = "rules_only")]
    model: Option<PathBuf>,

    /// The document date, YYYY-MM-DD: relative dates and times (`биыл`,
    /// `кеше`, `мамырда`) resolve against it. Without it they stay
    /// relative (`XXXX` with an "offset" such as `-P1Y`).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::io::parse_date)]
    date: Option<kazakh::time::Date>,
}

/// Output formats of `kazakh numbers` for text input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per mention: {"text","start","end","kind","value"},
    /// the value a JSON number, followed by "value_exact" (the exact
    /// decimal as a string) when a double cannot hold it; "min" and "max"
    /// instead of "value" for a range; "value": null and "overflow": true
    /// for a number too large to represent; "unit" and "approx" when known.
    /// Dates, times, durations and sets (kinds "date", "time", "duration",
    /// "set") have an ISO 8601 string as "value" ("2024-05-12", "P3Y",
    /// "T14:30"), with "offset", "mod" and "bound" when they apply
    /// (docs/schema.md).
    Jsonl,
    /// One line per mention: START-END, kind, value (with an approximation
    /// prefix `>`, `<`, `<=` or `~`; MIN..MAX for a range) and the text
    /// (line breaks and tabs as spaces), separated by tabs.
    Text,
}

/// Input formats of `kazakh numbers`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Raw text.
    Text,
    /// One token per line in the first whitespace-separated column (other
    /// columns ignored), a blank line between sentences. Output: one
    /// `TOKEN<TAB>LABEL<TAB>VALUE` line per token, LABEL an IOB2 label
    /// (B-CARDINAL, I-MONEY, …, O), VALUE on the first token of a mention
    /// and `_` elsewhere; a blank line after each sentence. A sentence id
    /// such as `AID283875` on the first line of a sentence (KazNERD) is
    /// passed through with label O and not read as a token.
    Conll,
}

/// Runs `kazakh numbers`.
pub fn run(args: Args) -> Result<(), Failure> {
    if args.input_format == InputFormat::Conll && args.format.is_some() {
        return Err(Failure::usage(
            "--format does not apply to --input-format conll; see 'kazakh numbers --help'",
        ));
    }
    let finder = Finder::new(args.rules_only, args.model)?;
    let input = Input::new(args.file);
    let text = input.read_text(args.lossy)?;
    let mut out = Output::stdout();
    match (args.input_format, args.format.unwrap_or(Format::Jsonl)) {
        (InputFormat::Conll, _) => write_conll(&mut out, &text, "\tO\t_", |buf, tokens| {
            conll_sentence(buf, &finder, tokens, args.date)
        })?,
        (InputFormat::Text, format) => {
            let mut mentions = finder.text(&text);
            anchor(&mut mentions, args.date);
            let mut offsets = OffsetConverter::new(&text, args.offsets);
            let mut line = String::new();
            for m in &mentions {
                let at = offsets.span(m.span());
                line.clear();
                match format {
                    Format::Jsonl => {
                        jsonl::line(&mut line, &NumberView::new(m, at))
                            .map_err(Failure::content)?;
                    }
                    Format::Text => text_line(&mut line, m, at),
                }
                out.write_str(&line)?;
            }
        }
    }
    out.finish()
}

/// Resolves relative dates and times against the document date, if given.
fn anchor(mentions: &mut [NumberMention<'_>], date: Option<kazakh::time::Date>) {
    if let Some(date) = date {
        for m in mentions {
            *m = m.anchored(date);
        }
    }
}

/// Appends `START-END<TAB>kind<TAB>value<TAB>text` and a line break.
fn text_line(out: &mut String, m: &NumberMention<'_>, at: Span) {
    out.push_str(&format!(
        "{}-{}\t{}\t{}\t",
        at.start,
        at.end,
        m.kind().as_str(),
        value_text(m)
    ));
    out.extend(
        m.text()
            .chars()
            .map(|c| if is_break_or_tab(c) { ' ' } else { c }),
    );
    out.push('\n');
}

/// Appends `token<TAB>label<TAB>value` for each token of one sentence.
fn conll_sentence(
    out: &mut String,
    finder: &Finder,
    tokens: &[&str],
    date: Option<kazakh::time::Date>,
) {
    let joined = tokens.join(" ");
    let mut mentions = finder.tokens(tokens, &joined);
    anchor(&mut mentions, date);
    let mut cells: Vec<Option<(bool, &NumberMention<'_>)>> = vec![None; tokens.len()];
    for (m, range) in place(tokens.len(), &mentions, |_| true) {
        for i in range.clone() {
            cells[i] = Some((i == range.start, m));
        }
    }
    for (token, cell) in tokens.iter().zip(cells) {
        out.push_str(token);
        match cell {
            Some((true, m)) => {
                out.push_str("\tB-");
                out.push_str(m.label());
                out.push('\t');
                out.push_str(&value_text(m));
            }
            Some((false, m)) => {
                out.push_str("\tI-");
                out.push_str(m.label());
                out.push_str("\t_");
            }
            None => out.push_str("\tO\t_"),
        }
        out.push('\n');
    }
}
