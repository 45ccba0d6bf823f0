//! Input, output, exit status and one-line errors shared by the
//! subcommands; `corpus` reads the documents of `kazakh annotate`. CoNLL-U
//! files are read with the library's reader (`kazakh::eval::conllu`).
//!
//! Exit status conventions (also in `kazakh --help`):
//!
//! * 0: success, also when the reader of standard output goes away early
//!   (a closed pipe, e.g. `| head -1`), which ends the command quietly;
//! * 1: bad input content (invalid UTF-8, malformed CoNLL-U or IOB2) or an error
//!   writing the output;
//! * 2: usage errors: bad arguments, an input file that is missing, is a
//!   directory or cannot be read.

use std::ffi::OsStr;
use std::fmt::Display;
use std::io::{self, BufWriter, Read, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub mod corpus;

/// The exit status conventions, shown after every command's help.
pub const EXIT_STATUS: &str = "\
Exit status:
  0  success (also when the reader of the output goes away, e.g. `| head -1`)
  1  bad input content (invalid UTF-8, malformed CoNLL-U or IOB2) or a
     write error
  2  usage error: bad arguments, or an input file that is missing, is a
     directory or cannot be read";

/// Exit status for bad input content and write errors.
pub const EXIT_CONTENT: u8 = 1;
/// Exit status for usage errors and unreadable files.
pub const EXIT_USAGE: u8 = 2;

/// Why a command stopped early: an exit status and, unless the stop is
/// quiet, a one-line message for standard error.
#[derive(Debug)]
pub struct Failure {
    code: u8,
    message: Option<String>,
}

impl Failure {
    /// Bad input content: exit status 1.
    pub fn content(message: impl Display) -> Failure {
        Failure {
            code: EXIT_CONTENT,
            message: Some(message.to_string()),
        }
    }

    /// A usage error or unreadable input: exit status 2.
    pub fn usage(message: impl Display) -> Failure {
        Failure {
            code: EXIT_USAGE,
            message: Some(message.to_string()),
        }
    }

    /// The output was closed by its reader: stop with status 0, silently.
    fn closed() -> Failure {
        Failure {
            code: 0,
            message: None,
        }
    }

    /// Prints the message (if any) and gives the exit status.
    pub fn report(self) -> ExitCode {
        if let Some(message) = self.message {
            error_line(&message);
        }
        ExitCode::from(self.code)
    }
}

/// Prints `kazakh: error: MESSAGE` on standard error, ignoring failures to
/// write it.
pub fn error_line(message: &str) {
    let _ = writeln!(io::stderr().lock(), "kazakh: error: {message}");
}

/// Prints `kazakh: warning: MESSAGE` on standard error.
pub fn warning_line(message: &str) {
    let _ = writeln!(io::stderr().lock(), "kazakh: warning: {message}");
}

/// Reports an argument error from clap: help and version go to standard
/// output with status 0; other errors become one line on standard error
/// with status 2 (help shown for a missing subcommand also exits with 2).
pub fn clap_failure(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            ExitCode::from(EXIT_USAGE)
        }
        _ => {
            // The first paragraph of clap's message, on one line.
            let rendered = error.render().to_string();
            let paragraph: Vec<&str> = rendered
                .lines()
                .map(str::trim)
                .take_while(|line| !line.is_empty())
                .collect();
            let joined = paragraph.join(" ");
            let mut message = joined.strip_prefix("error: ").unwrap_or(&joined).to_owned();
            if message.is_empty() {
                message.push_str("invalid arguments");
            }
            message.push_str("; see 'kazakh --help'");
            error_line(&message);
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Where input comes from.
#[derive(Clone, Debug)]
pub enum Input {
    /// Standard input (no file named, or `-`).
    Stdin,
    /// A named file.
    File(PathBuf),
}

impl Input {
    /// Standard input when `path` is absent or `-`, else the file.
    pub fn new(path: Option<PathBuf>) -> Input {
        match path {
            Some(path) if path.as_os_str() != OsStr::new("-") => Input::File(path),
            _ => Input::Stdin,
        }
    }

    /// The input's name in messages.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "standard input".to_owned(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// Reads all bytes. Failures are usage errors (status 2).
    pub fn read_bytes(&self) -> Result<Vec<u8>, Failure> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes).map_err(|e| {
                    Failure::usage(format!("cannot read {}: {}", self.name(), os_message(&e)))
                })?;
                Ok(bytes)
            }
            Input::File(path) => read_file(path),
        }
    }

    /// Reads the input as UTF-8 text. Invalid UTF-8 is a content error
    /// naming the offset of the first bad byte, unless `lossy` is set, in
    /// which case each bad sequence becomes U+FFFD (and offsets refer to
    /// the repaired text).
    pub fn read_text(&self, lossy: bool) -> Result<String, Failure> {
        let bytes = self.read_bytes()?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(text),
            Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            Err(e) => {
                let offset = match kazakh::from_utf8(e.as_bytes()) {
                    Err(err) => err.offset().unwrap_or(0),
                    Ok(_) => e.utf8_error().valid_up_to(),
                };
                Err(Failure::content(format!(
                    "invalid UTF-8 at byte offset {offset} in {}",
                    self.name()
                )))
            }
        }
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, Failure> {
    let fail = |why: &str| Failure::usage(format!("cannot read {}: {why}", path.display()));
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(fail("is a directory"));
    }
    std::fs::read(path).map_err(|e| fail(&os_message(&e)))
}

/// An I/O error's message without the ` (os error N)` suffix.
pub fn os_message(error: &io::Error) -> String {
    let mut message = error.to_string();
    if let Some(at) = message.find(" (os error ") {
        message.truncate(at);
    }
    message
}

/// Buffered, locked standard output.
pub struct Output {
    inner: BufWriter<StdoutLock<'static>>,
}

impl Output {
    /// Locks standard output.
    pub fn stdout() -> Output {
        Output {
            inner: BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
        }
    }

    /// Writes bytes.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.inner.write_all(bytes).map_err(write_failure)
    }

    /// Writes a string.
    pub fn write_str(&mut self, s: &str) -> Result<(), Failure> {
        self.write(s.as_bytes())
    }

    /// Flushes what was written so far (e.g. after each batch of a
    /// stream), keeping the output open.
    pub fn flush(&mut self) -> Result<(), Failure> {
        self.inner.flush().map_err(write_failure)
    }

    /// Flushes; call at the end so that write errors are reported.
    pub fn finish(mut self) -> Result<(), Failure> {
        self.inner.flush().map_err(write_failure)
    }
}

/// Prints `value` as one JSON line on standard output (the reports of
/// `kazakh eval` and `kazakh train`).
pub fn print_json_line<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let mut line = serde_json::to_string(value)
        .map_err(|e| Failure::content(format!("cannot write JSON: {e}")))?;
    line.push('\n');
    let mut out = Output::stdout();
    out.write_str(&line)?;
    out.finish()
}

/// Writes the CoNLL output of one-token-per-line input: the token of each
/// line is its first whitespace-separated column (the rest is ignored), a
/// blank line ends a sentence. A sentence id such as `AID283875`
/// (KazNERD) on a sentence's first line is written back followed by
/// `id_columns`, and not passed on as a token. `sentence` appends the lines
/// of a sentence's tokens; a blank line follows each sentence. Output is
/// written sentence by sentence.
pub fn write_conll(
    out: &mut Output,
    text: &str,
    id_columns: &str,
    mut sentence: impl FnMut(&mut String, &[&str]),
) -> Result<(), Failure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut tokens: Vec<&str> = Vec::new();
    let mut buf = String::new();
    let mut flush = |buf: &mut String, tokens: &[&str]| {
        let Some(&first) = tokens.first() else {
            return;
        };
        let tokens = if kazakh::eval::iob2::is_sentence_id(first) {
            buf.push_str(first);
            buf.push_str(id_columns);
            buf.push('\n');
            &tokens[1..]
        } else {
            tokens
        };
        sentence(buf, tokens);
        buf.push('\n');
    };
    for line in text.split('\n') {
        match line.split_whitespace().next() {
            Some(token) => tokens.push(token),
            None => {
                flush(&mut buf, &tokens);
                tokens.clear();
                out.write_str(&buf)?;
                buf.clear();
            }
        }
    }
    flush(&mut buf, &tokens);
    out.write_str(&buf)
}

/// A closed pipe ends the command quietly with status 0; other write errors
/// have status 1.
fn write_failure(error: io::Error) -> Failure {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Failure::closed()
    } else {
        Failure::content(format!("cannot write output: {}", os_message(&error)))
    }
}

/// Offset units of JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Offsets {
    /// Byte offsets into the UTF-8 input.
    Bytes,
    /// Character (Unicode scalar value) offsets.
    Chars,
}

impl Offsets {
    /// The same unit in the library's schema.
    pub fn schema(self) -> kazakh::schema::Offsets {
        match self {
            Offsets::Bytes => kazakh::schema::Offsets::Bytes,
            Offsets::Chars => kazakh::schema::Offsets::Chars,
        }
    }
}

/// Parses `--date`: a document date as `YYYY-MM-DD` (clap value parser).
pub fn parse_date(arg: &str) -> Result<kazakh::time::Date, String> {
    arg.parse().map_err(|e: kazakh::Error| e.to_string())
}

/// The date of a corpus document's date field: `YYYY-MM-DD`, or the date
/// part of an ISO 8601 date and time (`2024-05-12T09:30:00+05:00`).
pub fn field_date(value: &str) -> Result<kazakh::time::Date, kazakh::Error> {
    let date = match value.as_bytes().get(10) {
        Some(b'T' | b't' | b' ') => value.get(..10).unwrap_or(value),
        _ => value,
    };
    date.parse()
}

/// Whether `c` is a tab or a line break (which one-line output formats
/// replace with a space).
pub fn is_break_or_tab(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Converts byte offsets to the unit asked for.
pub struct OffsetConverter<'a> {
    unit: Offsets,
    chars: kazakh::CharOffsets<'a>,
}

impl<'a> OffsetConverter<'a> {
    /// A converter over `text`.
    pub fn new(text: &'a str, unit: Offsets) -> Self {
        OffsetConverter {
            unit,
            chars: kazakh::CharOffsets::new(text),
        }
    }

    /// The offset of byte `byte` in the chosen unit.
    pub fn convert(&mut self, byte: usize) -> usize {
        match self.unit {
            Offsets::Bytes => byte,
            Offsets::Chars => self.chars.at(byte),
        }
    }

    /// A byte span in the chosen unit.
    pub fn span(&mut self, span: kazakh::Span) -> kazakh::Span {
        kazakh::Span::new(self.convert(span.start), self.convert(span.end))
    }
}
