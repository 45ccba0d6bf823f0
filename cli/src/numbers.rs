//! `kazakh numbers`: number mentions with their exact values.

use std::path::PathBuf;

use clap::ValueEnum;
use kazakh::numbers::{Decimal, NumberKind, NumberMention, Value};

use crate::io::{is_break_or_tab, write_conll, Failure, Input, OffsetConverter, Offsets, Output};

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
}

/// How spans are found: rules alone, or the tagger with the rules' values.
pub enum Finder {
    /// [`kazakh::numbers::extract`] alone.
    Rules,
    /// [`kazakh::ner::Recognizer::numbers`].
    Tagger(kazakh::ner::Recognizer),
}

impl Finder {
    /// The finder the options ask for.
    pub fn new(rules_only: bool, model: Option<PathBuf>) -> Result<Finder, Failure> {
        if rules_only {
            Ok(Finder::Rules)
        } else {
            crate::ner::recognizer(model).map(Finder::Tagger)
        }
    }

    /// The mentions of raw text.
    pub fn text<'a>(&self, text: &'a str) -> Vec<NumberMention<'a>> {
        match self {
            Finder::Rules => kazakh::numbers::extract(text),
            Finder::Tagger(r) => r.numbers(text),
        }
    }

    /// The mentions of one pre-tokenized sentence (`joined`: the tokens
    /// joined by single spaces).
    pub fn tokens<'a>(&self, tokens: &[&str], joined: &'a str) -> Vec<NumberMention<'a>> {
        match self {
            Finder::Rules => kazakh::numbers::extract_tokens(tokens, joined),
            Finder::Tagger(r) => r.numbers_tokens(tokens, joined),
        }
    }
}

/// Output formats of `kazakh numbers` for text input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per mention: {"text","start","end","kind","value"},
    /// the value an exact JSON number; "min" and "max" instead of "value"
    /// for a range; "value": null and "overflow": true for a number too
    /// large to represent; "unit" and "approx" when known.
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
            conll_sentence(buf, &finder, tokens)
        })?,
        (InputFormat::Text, format) => {
            let mentions = finder.text(&text);
            let mut offsets = OffsetConverter::new(&text, args.offsets);
            let mut line = String::new();
            for m in &mentions {
                let start = offsets.convert(m.span().start);
                let end = offsets.convert(m.span().end);
                line.clear();
                match format {
                    Format::Jsonl => json_line(&mut line, m, start, end),
                    Format::Text => text_line(&mut line, m, start, end),
                }
                out.write_str(&line)?;
            }
        }
    }
    out.finish()
}

/// Appends one JSON object and a line break.
fn json_line(out: &mut String, m: &NumberMention<'_>, start: usize, end: usize) {
    push_number_json(
        out,
        m.text(),
        (start, end),
        m.kind(),
        m.value(),
        m.unit(),
        m.approx(),
    );
    out.push('\n');
}

/// One mention's JSON object, without a line break (shared with
/// `kazakh annotate`).
pub(crate) fn push_number_json(
    out: &mut String,
    text: &str,
    (start, end): (usize, usize),
    kind: NumberKind,
    value: Value,
    unit: Option<&str>,
    approx: Option<kazakh::numbers::Approx>,
) {
    out.push_str("{\"text\":");
    push_json_string(out, text);
    out.push_str(&format!(
        ",\"start\":{start},\"end\":{end},\"kind\":\"{}\"",
        kind.as_str()
    ));
    match value {
        Value::Exact(d) => {
            out.push_str(",\"value\":");
            out.push_str(&json_number(d));
        }
        Value::Range { min, max } => {
            out.push_str(",\"min\":");
            out.push_str(&json_number(min));
            out.push_str(",\"max\":");
            out.push_str(&json_number(max));
        }
        Value::Overflow => out.push_str(",\"value\":null,\"overflow\":true"),
        _ => out.push_str(",\"value\":null"),
    }
    if let Some(unit) = unit {
        out.push_str(",\"unit\":");
        push_json_string(out, unit);
    }
    if let Some(approx) = approx {
        out.push_str(",\"approx\":");
        push_json_string(out, approx.as_str());
    }
    out.push('}');
}

/// Appends `s` as a JSON string literal.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    // Serializing a `str` cannot fail; the fallback keeps the JSON valid.
    match serde_json::to_string(s) {
        Ok(quoted) => out.push_str(&quoted),
        Err(_) => out.push_str("\"\""),
    }
}

/// The exact decimal as a JSON number literal (a string literal in the
/// impossible case that its display is not a valid JSON number).
fn json_number(d: Decimal) -> String {
    let s = d.to_string();
    if is_json_number(&s) {
        s
    } else {
        let mut quoted = String::new();
        push_json_string(&mut quoted, &s);
        quoted
    }
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`
fn is_json_number(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match s.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    digits(int)
        && (int == "0" || !int.starts_with('0'))
        && match frac {
            Some(f) => digits(f),
            None => true,
        }
}

/// Appends `START-END<TAB>kind<TAB>value<TAB>text` and a line break.
fn text_line(out: &mut String, m: &NumberMention<'_>, start: usize, end: usize) {
    out.push_str(&format!(
        "{start}-{end}\t{}\t{}\t",
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

/// The value with its approximation prefix: `1125600000000`, `~1000`,
/// `2024..2029`, `overflow`.
pub fn value_text(m: &NumberMention<'_>) -> String {
    let prefix = m.approx().map_or("", |a| a.prefix());
    format!("{prefix}{}", m.value())
}

/// The mentions that label tokens, in order: those `keep` accepts, with a
/// token range inside `0..len`, non-empty and not overlapping an earlier
/// one; each with its clamped token range.
pub fn place<'m, 'a>(
    len: usize,
    mentions: &'m [NumberMention<'a>],
    keep: impl Fn(NumberKind) -> bool,
) -> Vec<(&'m NumberMention<'a>, std::ops::Range<usize>)> {
    let mut taken = vec![false; len];
    let mut placed = Vec::new();
    for m in mentions {
        let range = m.tokens();
        let range = range.start.min(len)..range.end.min(len);
        if !keep(m.kind()) || range.is_empty() || taken[range.clone()].iter().any(|&t| t) {
            continue;
        }
        taken[range.clone()].fill(true);
        placed.push((m, range));
    }
    placed.sort_by_key(|(_, r)| r.start);
    placed
}

/// Appends `token<TAB>label<TAB>value` for each token of one sentence.
fn conll_sentence(out: &mut String, finder: &Finder, tokens: &[&str]) {
    let joined = tokens.join(" ");
    let mentions = finder.tokens(tokens, &joined);
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
                out.push_str(m.kind().label());
                out.push('\t');
                out.push_str(&value_text(m));
            }
            Some((false, m)) => {
                out.push_str("\tI-");
                out.push_str(m.kind().label());
                out.push_str("\t_");
            }
            None => out.push_str("\tO\t_"),
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::is_json_number;

    #[test]
    fn json_numbers() {
        for ok in ["0", "7", "-5", "0.1", "1125600000000", "12.50", "-0.05"] {
            assert!(is_json_number(ok), "{ok}");
        }
        for bad in ["", "-", "01", ".5", "5.", "1e5", "1,5", "+1", "NaN", "1..2"] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }
}
