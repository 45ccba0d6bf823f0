//! `kazakh tokenize`: sentences and tokens of a text.

use std::path::PathBuf;

use clap::ValueEnum;
use kazakh::eval::conllu;
use kazakh::schema::{TokenView, TokenizedSentenceView};

use crate::io::{Failure, Input, OffsetConverter, Offsets, Output};
use crate::render::{jsonl, one_line};

/// Arguments of `kazakh tokenize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input file; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Offsets in jsonl output: UTF-8 bytes or Unicode scalar values
    /// (chars, as Python counts them).
    #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
    offsets: Offsets,

    /// Replace invalid UTF-8 with U+FFFD instead of failing; offsets then
    /// refer to the repaired text, not to the input bytes.
    #[arg(long)]
    lossy: bool,
}

/// Output formats of `kazakh tokenize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One sentence per line, tokens separated by single spaces (line
    /// breaks and tabs inside a token become spaces).
    Text,
    /// One JSON object per sentence with its tokens and their kinds, offsets
    /// into the input: {"start","end","tokens":[{"text","start","end","kind"}]}
    Jsonl,
    /// CoNLL-U: `# sent_id` (1, 2, 3, …), `# text`, ten columns per token,
    /// with SpaceAfter=No in MISC.
    Conllu,
}

/// Runs `kazakh tokenize`.
pub fn run(args: Args) -> Result<(), Failure> {
    let input = Input::new(args.file);
    let text = input.read_text(args.lossy)?;
    let mut out = Output::stdout();
    match args.format {
        Format::Text => write_text(&mut out, &text)?,
        Format::Jsonl => write_jsonl(&mut out, &text, args.offsets)?,
        Format::Conllu => write_conllu(&mut out, &text)?,
    }
    out.finish()
}

fn write_text(out: &mut Output, text: &str) -> Result<(), Failure> {
    let mut line = String::new();
    for sentence in kazakh::sentences(text) {
        line.clear();
        for (i, token) in sentence.tokens().iter().enumerate() {
            if i > 0 {
                line.push(' ');
            }
            line.push_str(&one_line(token.text()));
        }
        line.push('\n');
        out.write_str(&line)?;
    }
    Ok(())
}

fn write_jsonl(out: &mut Output, text: &str, offsets: Offsets) -> Result<(), Failure> {
    let mut offsets = OffsetConverter::new(text, offsets);
    let mut line = String::new();
    for sentence in kazakh::sentences(text) {
        // Offsets in this order: sentence start, tokens, sentence end.
        let start = offsets.convert(sentence.span().start);
        let tokens = sentence
            .tokens()
            .iter()
            .map(|t| TokenView::new(t, offsets.span(t.span())))
            .collect();
        let end = offsets.convert(sentence.span().end);
        let view = TokenizedSentenceView::new(kazakh::Span::new(start, end), tokens);
        line.clear();
        jsonl::line(&mut line, &view).map_err(Failure::content)?;
        out.write_str(&line)?;
    }
    Ok(())
}

fn write_conllu(out: &mut Output, text: &str) -> Result<(), Failure> {
    let mut buf = String::new();
    for (i, sentence) in kazakh::sentences(text).enumerate() {
        buf.clear();
        conllu::write_sentence(&mut buf, &(i + 1).to_string(), text, &sentence)
            .map_err(|_| Failure::content("cannot format CoNLL-U"))?;
        out.write_str(&buf)?;
    }
    Ok(())
}
