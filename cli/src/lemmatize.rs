//! `kazakh lemmatize`: the lemma of every token, or the LEMMA column of a
//! CoNLL-U file.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::io::{Failure, Input, Output};
use crate::render::one_line as clean;
use kazakh::eval::conllu::{lines, Line};

/// Arguments of `kazakh lemmatize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input file; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,

    /// What the input is: raw text (tokenized and split into sentences), or
    /// CoNLL-U whose LEMMA column is filled.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    input_format: InputFormat,

    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
}

/// Input formats of `kazakh lemmatize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Raw text; prints `token<TAB>lemma` lines, a blank line after each
    /// sentence.
    Text,
    /// CoNLL-U; prints it back with the LEMMA column of every word line
    /// filled (multiword-token ranges and empty nodes are kept as they are).
    Conllu,
}

/// Runs `kazakh lemmatize`.
pub fn run(args: Args) -> Result<(), Failure> {
    let input = Input::new(args.file);
    let text = input.read_text(args.lossy)?;
    let mut out = Output::stdout();
    match args.input_format {
        InputFormat::Text => write_text(&mut out, &text)?,
        InputFormat::Conllu => write_conllu(&mut out, &text, &input.name())?,
    }
    out.finish()
}

fn write_text(out: &mut Output, text: &str) -> Result<(), Failure> {
    let mut buf = String::new();
    for sentence in kazakh::sentences(text) {
        buf.clear();
        for token in sentence.tokens() {
            let t = token.text();
            buf.push_str(&clean(t));
            buf.push('\t');
            buf.push_str(&clean(&kazakh::morph::lemma(t)));
            buf.push('\n');
        }
        buf.push('\n');
        out.write_str(&buf)?;
    }
    Ok(())
}

fn write_conllu(out: &mut Output, text: &str, name: &str) -> Result<(), Failure> {
    // Every line is checked before anything is written.
    let lines: Vec<Line> = lines(text)
        .collect::<Result<_, _>>()
        .map_err(|e| Failure::content(format!("{name}: {e}")))?;
    let mut buf = String::new();
    for line in lines {
        buf.clear();
        match line {
            Line::Other(l) => buf.push_str(l),
            Line::Word(mut cols) => {
                let lemma = kazakh::morph::lemma(cols[1]);
                let lemma = if lemma.is_empty() {
                    "_".into()
                } else {
                    clean(&lemma)
                };
                cols[2] = &lemma;
                buf.push_str(&cols.join("\t"));
            }
        }
        buf.push('\n');
        out.write_str(&buf)?;
    }
    Ok(())
}
