//! `kazakh tokenize`: sentences and tokens of a text.

use std::path::PathBuf;

use clap::ValueEnum;
use kazakh::eval::conllu;
use serde::Serialize;

use crate::io::{Failure, Input, Output};

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

/// Offset units of jsonl output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Offsets {
    /// Byte offsets into the UTF-8 input.
    Bytes,
    /// Character (Unicode scalar value) offsets.
    Chars,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    start: usize,
    end: usize,
    tokens: Vec<JsonToken<'a>>,
}

#[derive(Serialize)]
struct JsonToken<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: &'static str,
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
            line.extend(
                token
                    .text()
                    .chars()
                    .map(|c| if is_break_or_tab(c) { ' ' } else { c }),
            );
        }
        line.push('\n');
        out.write_str(&line)?;
    }
    Ok(())
}

fn write_jsonl(out: &mut Output, text: &str, offsets: Offsets) -> Result<(), Failure> {
    let mut chars = CharOffsets::new(text);
    let mut convert = |byte: usize| match offsets {
        Offsets::Bytes => byte,
        Offsets::Chars => chars.at(byte),
    };
    let mut buf = Vec::new();
    for sentence in kazakh::sentences(text) {
        let start = convert(sentence.span().start);
        let tokens = sentence
            .tokens()
            .iter()
            .map(|t| JsonToken {
                text: t.text(),
                start: convert(t.span().start),
                end: convert(t.span().end),
                kind: t.kind().as_str(),
            })
            .collect();
        let json = JsonSentence {
            start,
            end: convert(sentence.span().end),
            tokens,
        };
        buf.clear();
        serde_json::to_writer(&mut buf, &json)
            .map_err(|e| Failure::content(format!("cannot write JSON: {e}")))?;
        buf.push(b'\n');
        out.write(&buf)?;
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

fn is_break_or_tab(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Converts byte offsets to char offsets in one pass when they come in
/// increasing order (and correctly, if more slowly, when they do not).
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::CharOffsets;

    #[test]
    fn char_offsets() {
        let text = "Қазақ тілі 😀.";
        let mut c = CharOffsets::new(text);
        assert_eq!(c.at(0), 0);
        assert_eq!(c.at(11), 6);
        assert_eq!(c.at(19), 10);
        assert_eq!(c.at(2), 1);
        assert_eq!(c.at(21), 11); // inside the emoji: previous boundary
        assert_eq!(c.at(1000), 13);
    }
}
