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
    let mut words: Vec<&str> = Vec::new();
    for sentence in kazakh::sentences(text) {
        buf.clear();
        words.clear();
        words.extend(sentence.tokens().iter().map(|t| t.text()));
        for (i, t) in words.iter().enumerate() {
            buf.push_str(&clean(t));
            buf.push('\t');
            buf.push_str(&clean(&kazakh::morph::lemma_in_context(&words, i)));
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
    // A sentence's lines (up to its blank line) are written together, each
    // word lemmatized in its sentence (`morph::lemma_in_context`).
    let mut buf = String::new();
    let mut words: Vec<&str> = Vec::new();
    for sentence in lines.split_inclusive(|l| matches!(l, Line::Other(s) if s.trim().is_empty())) {
        buf.clear();
        words.clear();
        words.extend(sentence.iter().filter_map(|l| match l {
            Line::Word(cols) => Some(cols[1]),
            Line::Other(_) => None,
        }));
        let mut i = 0;
        for line in sentence {
            match line {
                Line::Other(l) => buf.push_str(l),
                Line::Word(cols) => {
                    let lemma = kazakh::morph::lemma_in_context(&words, i);
                    i += 1;
                    let lemma = if lemma.is_empty() {
                        "_".into()
                    } else {
                        clean(&lemma)
                    };
                    let mut cols = *cols;
                    cols[2] = &lemma;
                    buf.push_str(&cols.join("\t"));
                }
            }
            buf.push('\n');
        }
        out.write_str(&buf)?;
    }
    Ok(())
}
