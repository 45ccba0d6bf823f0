//! Reading CoNLL-U treebanks for segmentation evaluation, and writing
//! tokenizer output as CoNLL-U.
//!
//! # Raw text
//!
//! [`Treebank::parse`] rebuilds the raw text of a treebank from its
//! `# text = …` comments: the sentences of one document are joined by one
//! space, and documents are separated by a blank line (`"\n\n"`). The
//! document of a sentence is the part of its `# sent_id` before the first
//! colon (the whole id when it has none); a sentence without `# sent_id`
//! continues the current document. A sentence without `# text` gets a text
//! rebuilt from its token forms, separated by one space unless the MISC
//! column says `SpaceAfter=No`.
//!
//! # Gold spans
//!
//! Gold sentence spans cover each sentence's text (trimmed of surrounding
//! whitespace) in the raw text. Gold token spans cover surface tokens: a
//! multiword-token line (`1-2`) is one token and its word lines are
//! skipped, empty nodes (`1.1`) are skipped, and a form may contain spaces
//! (`келген жоқ`). Each form is looked up in the sentence text after the
//! previous one, skipping whitespace; whitespace inside a form or in the
//! text between its characters is ignored, as the CoNLL 2018 metric
//! ignores it. When a form is not where it is expected, the reader searches
//! further on in the sentence and records a warning; when it is not found
//! at all, the token gets no span and a warning is recorded (see
//! [`Treebank::warnings`]). Misaligned forms are therefore not errors.

use core::fmt;

use crate::error::{Error, ErrorKind};
use crate::sentences::Sentence;
use crate::span::Span;

/// A parsed CoNLL-U file: its raw text with gold sentence and token spans.
///
/// ```
/// use kazakh::eval::conllu::Treebank;
///
/// let conllu = "\
/// ## sent_id = news:1
/// ## text = Ол келген жоқ.
/// 1\tОл\tол\tPRON\t_\t_\t2\tnsubj\t_\t_
/// 2\tкелген жоқ\tкел\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
/// 3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
///
/// ## sent_id = tale:1
/// ## text = Біздікі.
/// 1-2\tБіздікі\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
/// 1\tбіз\tбіз\tPRON\t_\t_\t0\troot\t_\t_
/// 2\tдікі\tдікі\tNOUN\t_\t_\t1\tnmod\t_\t_
/// 3\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_
/// ";
/// let tb = Treebank::parse(conllu)?;
/// assert_eq!(tb.raw_text(), "Ол келген жоқ.\n\nБіздікі.");
/// let forms: Vec<&str> = tb.gold_tokens().iter().map(|s| &tb.raw_text()[s.range()]).collect();
/// assert_eq!(forms, ["Ол", "келген жоқ", ".", "Біздікі", "."]);
/// assert_eq!(tb.sentence_count(), 2);
/// # Ok::<(), kazakh::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Treebank {
    raw: String,
    tokens: Vec<Span>,
    sentences: Vec<Span>,
    warnings: Vec<Error>,
}

impl Treebank {
    /// Parses CoNLL-U text (a leading byte-order mark and `\r\n` line ends
    /// are accepted).
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Parse`] error naming the 1-based line when a token
    /// line does not have 10 tab-separated columns, has a malformed ID
    /// (not `N`, `N-M` with `M >= N` or `N.M`, N from 1) or an empty FORM, or
    /// when a sentence has two `# text` comments. Forms that do not match
    /// the sentence text are not errors; see [`Treebank::warnings`].
    pub fn parse(input: &str) -> Result<Treebank, Error> {
        let mut builder = Builder::default();
        let mut block = Block::default();
        for (number, line) in numbered_lines(input) {
            match read_line(line, number)? {
                Kind::Blank => builder.finish(core::mem::take(&mut block)),
                Kind::Comment(comment) => block.comment(comment, number)?,
                Kind::Token(id, columns) => block.token_line(id, &columns, number),
            }
        }
        builder.finish(block);
        Ok(builder.treebank)
    }

    /// The raw text rebuilt from the sentences' `# text` comments.
    pub fn raw_text(&self) -> &str {
        &self.raw
    }

    /// Byte spans of the gold surface tokens in [`Treebank::raw_text`], in
    /// order.
    pub fn gold_tokens(&self) -> &[Span] {
        &self.tokens
    }

    /// Byte spans of the gold sentences in [`Treebank::raw_text`], in order.
    pub fn gold_sentences(&self) -> &[Span] {
        &self.sentences
    }

    /// Number of sentences read.
    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// Problems found while locating token forms in the sentence texts,
    /// each naming its line: a form found only further on than expected,
    /// a form not found at all (that token has no gold span), or text left
    /// over after the last token of a sentence. Empty for a well-formed
    /// treebank.
    pub fn warnings(&self) -> &[Error] {
        &self.warnings
    }
}

/// One token line kept for alignment.
#[derive(Debug)]
struct Form<'a> {
    text: &'a str,
    space_after: bool,
    line: usize,
}

/// The lines of one sentence.
#[derive(Debug, Default)]
struct Block<'a> {
    first_line: usize,
    text: Option<&'a str>,
    sent_id: Option<&'a str>,
    forms: Vec<Form<'a>>,
    /// The range of word IDs covered by the last multiword token.
    covered: (usize, usize),
}

impl<'a> Block<'a> {
    fn touch(&mut self, line: usize) {
        if self.first_line == 0 {
            self.first_line = line;
        }
    }

    fn comment(&mut self, comment: &'a str, line: usize) -> Result<(), Error> {
        self.touch(line);
        let Some((key, value)) = comment.split_once('=') else {
            return Ok(());
        };
        match key.trim() {
            "text" => {
                if self.text.is_some() {
                    return Err(parse_error(line, "second `# text` in one sentence"));
                }
                self.text = Some(value.trim());
            }
            "sent_id" => self.sent_id = Some(value.trim()),
            _ => {}
        }
        Ok(())
    }

    fn token_line(&mut self, id: Id, columns: &[&'a str; 10], number: usize) {
        self.touch(number);
        let keep = match id {
            Id::Word(n) => !(self.covered.0..=self.covered.1).contains(&n),
            Id::Range(a, b) => {
                self.covered = (a, b);
                true
            }
            Id::Empty => false,
        };
        if keep {
            self.forms.push(Form {
                text: columns[1],
                space_after: !columns[9].split('|').any(|f| f == "SpaceAfter=No"),
                line: number,
            });
        }
    }
}

/// One line of a CoNLL-U file, as [`lines`] reads it: a word line, or any
/// other line (the two cover every line, so the enum is complete).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// A blank line, a comment, a multiword-token range (`1-2`) or an
    /// empty node (`1.1`), as it is (without its line end).
    Other(&'a str),
    /// A word line (ID `N`), split into its ten columns: ID, FORM, LEMMA,
    /// UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC.
    Word([&'a str; 10]),
}

/// Reads CoNLL-U text line by line, with the checks of
/// [`Treebank::parse`] on every token line (ten columns, a well-formed
/// ID, a FORM), for tools that rewrite columns and keep every other line
/// (filling the LEMMA column, scoring lemmas). A leading byte-order mark
/// and `\r\n` line ends are accepted; the last line end gives no line.
///
/// ```
/// use kazakh::eval::conllu::{lines, Line};
///
/// let text = "# text = Ол.\n1\tОл\tол\tPRON\t_\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n";
/// let read: Vec<Line> = lines(text).collect::<Result<_, _>>()?;
/// assert_eq!(read[0], Line::Other("# text = Ол."));
/// assert!(matches!(read[1], Line::Word(c) if c[1] == "Ол" && c[2] == "ол"));
/// assert_eq!(read.len(), 3);
/// let err = lines("1\tОл\n").find_map(Result::err).unwrap();
/// assert_eq!(err.line(), Some(1));
/// # Ok::<(), kazakh::Error>(())
/// ```
pub fn lines(input: &str) -> impl Iterator<Item = Result<Line<'_>, Error>> {
    let body = input.strip_prefix('\u{feff}').unwrap_or(input);
    // `split('\n')` gives one empty piece after a final line end.
    let body = body.strip_suffix('\n').unwrap_or(body);
    numbered_lines(body).map(|(number, line)| {
        Ok(match read_line(line, number)? {
            Kind::Token(Id::Word(_), columns) => Line::Word(columns),
            _ => Line::Other(line),
        })
    })
}

/// The lines of CoNLL-U text with their 1-based numbers, without a
/// leading byte-order mark or `\r` line ends.
fn numbered_lines(input: &str) -> impl Iterator<Item = (usize, &str)> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    input
        .split('\n')
        .enumerate()
        .map(|(index, line)| (index + 1, line.strip_suffix('\r').unwrap_or(line)))
}

/// What one line is.
enum Kind<'a> {
    Blank,
    /// A comment, without its `#`.
    Comment(&'a str),
    Token(Id, [&'a str; 10]),
}

/// Classifies one line; a token line must have ten tab-separated columns,
/// a well-formed ID and a FORM.
fn read_line(line: &str, number: usize) -> Result<Kind<'_>, Error> {
    if line.trim().is_empty() {
        return Ok(Kind::Blank);
    }
    if let Some(comment) = line.strip_prefix('#') {
        return Ok(Kind::Comment(comment));
    }
    let mut columns = [""; 10];
    let mut count = 0;
    for (i, column) in line.split('\t').enumerate() {
        if let Some(slot) = columns.get_mut(i) {
            *slot = column;
        }
        count = i + 1;
    }
    if count != 10 {
        return Err(parse_error(
            number,
            format!("expected 10 tab-separated columns, found {count}"),
        ));
    }
    if columns[1].is_empty() {
        return Err(parse_error(number, "empty FORM"));
    }
    match parse_id(columns[0]) {
        Some(id) => Ok(Kind::Token(id, columns)),
        None => Err(parse_error(
            number,
            format!("malformed ID {:?}", columns[0]),
        )),
    }
}

enum Id {
    Word(usize),
    Range(usize, usize),
    Empty,
}

fn parse_id(id: &str) -> Option<Id> {
    fn number(s: &str) -> Option<usize> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }
    if let Some((a, b)) = id.split_once('-') {
        let (a, b) = (number(a)?, number(b)?);
        (a >= 1 && b >= a).then_some(Id::Range(a, b))
    } else if let Some((a, b)) = id.split_once('.') {
        number(a)?;
        let sub = number(b)?;
        (sub >= 1).then_some(Id::Empty)
    } else {
        let n = number(id)?;
        (n >= 1).then_some(Id::Word(n))
    }
}

fn parse_error(line: usize, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Parse, message).with_line(line)
}

#[derive(Default)]
struct Builder {
    treebank: Treebank,
    document: Option<String>,
}

impl Builder {
    fn finish(&mut self, block: Block<'_>) {
        if block.forms.is_empty() && block.text.is_none() {
            // Only comments (`# newdoc`, `# global.columns`) or nothing.
            return;
        }
        let rebuilt;
        let text = match block.text {
            Some(text) => text,
            None => {
                rebuilt = text_from_forms(&block.forms);
                rebuilt.as_str()
            }
        };
        let first = self.treebank.sentences.is_empty();
        if let Some(id) = block.sent_id {
            let document = id.split(':').next().unwrap_or(id);
            if self.document.as_deref() != Some(document) {
                if !first {
                    self.treebank.raw.push_str("\n\n");
                }
                self.document = Some(document.to_owned());
            } else {
                self.treebank.raw.push(' ');
            }
        } else if !first {
            self.treebank.raw.push(' ');
        }
        let base = self.treebank.raw.len();
        self.treebank.raw.push_str(text);
        self.treebank
            .sentences
            .push(Span::new(base, base + text.len()));
        self.align(text, base, &block);
    }

    /// Finds the forms of `block` in `text` (which starts at `base` in the
    /// raw text) and records their spans.
    fn align(&mut self, text: &str, base: usize, block: &Block<'_>) {
        let mut pos = 0;
        for form in &block.forms {
            let wanted = form.text.trim();
            let Some(first) = wanted.chars().next() else {
                self.warn(form.line, "FORM is only whitespace; token skipped");
                continue;
            };
            let start = skip_space(text, pos);
            if let Some(end) = match_at(text, start, wanted) {
                self.push_token(base, start, end);
                pos = end;
                continue;
            }
            let found = text[start..]
                .char_indices()
                .filter(|&(_, c)| c == first)
                .find_map(|(i, _)| match_at(text, start + i, wanted).map(|end| (start + i, end)));
            match found {
                Some((s, end)) => {
                    self.warn(
                        form.line,
                        format!(
                            "FORM {wanted:?} found after skipping {:?} in the sentence text",
                            &text[start..s]
                        ),
                    );
                    self.push_token(base, s, end);
                    pos = end;
                }
                None => self.warn(
                    form.line,
                    format!("FORM {wanted:?} not found in the sentence text; token skipped"),
                ),
            }
        }
        let rest = text[pos..].trim();
        if !rest.is_empty() {
            self.warn(
                block.first_line,
                format!("sentence text ends with {rest:?}, which no token covers"),
            );
        }
    }

    fn push_token(&mut self, base: usize, start: usize, end: usize) {
        self.treebank
            .tokens
            .push(Span::new(base + start, base + end));
    }

    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.treebank.warnings.push(parse_error(line, message));
    }
}

/// The text of a sentence without `# text`, from its forms and MISC.
fn text_from_forms(forms: &[Form<'_>]) -> String {
    let mut text = String::new();
    for (i, form) in forms.iter().enumerate() {
        text.push_str(form.text);
        if form.space_after && i + 1 < forms.len() {
            text.push(' ');
        }
    }
    text
}

/// The first offset at or after `pos` that is not whitespace.
fn skip_space(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    pos + (rest.len() - rest.trim_start().len())
}

/// Whether `form` occurs at `start` in `text`, comparing non-whitespace
/// characters only; returns the end of the match.
fn match_at(text: &str, start: usize, form: &str) -> Option<usize> {
    let mut chars = text.get(start..)?.char_indices();
    let mut end = start;
    for wanted in form.chars().filter(|c| !c.is_whitespace()) {
        let (i, c) = chars.find(|&(_, c)| !c.is_whitespace())?;
        if c != wanted {
            return None;
        }
        end = start + i + c.len_utf8();
    }
    Some(end)
}

/// Writes one sentence of tokenizer output as CoNLL-U: `# sent_id`,
/// `# text`, one line per token and a blank line.
///
/// `text_of_document` is the text the sentence was split from; it decides
/// the MISC column, which is `SpaceAfter=No` when the character right after
/// the token is not whitespace, and `_` when it is whitespace or the token
/// ends the document. All other columns but ID and FORM are `_`.
///
/// Line breaks (`\r\n`, `\n`, `\r` and the other characters that break
/// lines) in the sentence id and the `# text` value are replaced by one
/// space each, and so are tabs and line breaks in a FORM, so that the output
/// stays well-formed; an empty FORM is written as `_`.
///
/// ```
/// let text = "Сәлем, әлем!";
/// let mut out = String::new();
/// for sentence in kazakh::sentences(text) {
///     kazakh::eval::conllu::write_sentence(&mut out, "1", text, &sentence).unwrap();
/// }
/// assert!(out.starts_with("# sent_id = 1\n# text = Сәлем, әлем!\n1\tСәлем\t_"));
/// assert!(out.contains("\tSpaceAfter=No\n"));
/// assert!(out.ends_with("\t_\n\n"));
/// ```
pub fn write_sentence(
    out: &mut impl fmt::Write,
    sent_id: &str,
    text_of_document: &str,
    sentence: &Sentence<'_>,
) -> fmt::Result {
    out.write_str("# sent_id = ")?;
    write_one_line(out, sent_id, false)?;
    out.write_str("\n# text = ")?;
    write_one_line(out, sentence.text(), false)?;
    out.write_char('\n')?;
    for (i, token) in sentence.tokens().iter().enumerate() {
        write!(out, "{}\t", i + 1)?;
        if token.text().is_empty() {
            out.write_char('_')?;
        } else {
            write_one_line(out, token.text(), true)?;
        }
        let next = text_of_document
            .get(token.span().end..)
            .and_then(|rest| rest.chars().next());
        let misc = match next {
            Some(c) if !c.is_whitespace() => "SpaceAfter=No",
            _ => "_",
        };
        writeln!(out, "\t_\t_\t_\t_\t_\t_\t_\t{misc}")?;
    }
    out.write_char('\n')
}

/// Characters that end a line for common line readers.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Writes `s` with every line break (`\r\n` counting as one), and every tab
/// when `tabs` is set, replaced by a space.
fn write_one_line(out: &mut impl fmt::Write, s: &str, tabs: bool) -> fmt::Result {
    let mut last = 0;
    let mut after_cr = false;
    for (i, c) in s.char_indices() {
        if is_line_break(c) || (tabs && c == '\t') {
            out.write_str(&s[last..i])?;
            if !(c == '\n' && after_cr) {
                out.write_char(' ')?;
            }
            last = i + c.len_utf8();
        }
        after_cr = c == '\r';
    }
    out.write_str(&s[last..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{evaluate_segmentation, score_segmentation};
    use std::path::Path;

    /// A token line with the given ID, FORM and MISC.
    fn tok(id: &str, form: &str, misc: &str) -> String {
        format!("{id}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}\n")
    }

    fn forms(tb: &Treebank) -> Vec<&str> {
        tb.gold_tokens()
            .iter()
            .map(|s| &tb.raw_text()[s.range()])
            .collect()
    }

    fn sentences(tb: &Treebank) -> Vec<&str> {
        tb.gold_sentences()
            .iter()
            .map(|s| &tb.raw_text()[s.range()])
            .collect()
    }

    #[test]
    fn parse_table() {
        // (input, raw text, token texts, sentence texts)
        let cases: Vec<(String, &str, Vec<&str>, Vec<&str>)> = vec![
            // Multiword token: one surface token, word lines skipped.
            (
                format!(
                    "# sent_id = a:1\n# text = Қуаныштымын.\n{}{}{}{}\n",
                    tok("1-2", "Қуаныштымын", "SpaceAfter=No"),
                    tok("1", "қуанышты", "_"),
                    tok("2", "мын", "_"),
                    tok("3", ".", "_"),
                ),
                "Қуаныштымын.",
                vec!["Қуаныштымын", "."],
                vec!["Қуаныштымын."],
            ),
            // A form with a space; an empty node is skipped.
            (
                format!(
                    "# text = Ол келген жоқ.\n{}{}{}{}",
                    tok("1", "Ол", "_"),
                    tok("1.1", "бар", "_"),
                    tok("2", "келген жоқ", "SpaceAfter=No"),
                    tok("3", ".", "_"),
                ),
                "Ол келген жоқ.",
                vec!["Ол", "келген жоқ", "."],
                vec!["Ол келген жоқ."],
            ),
            // Documents: same prefix joins with a space, a new prefix starts
            // after a blank line, a missing sent_id continues the document.
            (
                format!(
                    "# sent_id = a.txt:1:0\n# text = Бір.\n{}{}\n\
                     # sent_id = a.txt:2:5\n# text = Екі.\n{}{}\n\
                     # sent_id = b.txt:1:0\n# text = Үш.\n{}{}\n\
                     # text = Төрт.\n{}{}\n",
                    tok("1", "Бір", "SpaceAfter=No"),
                    tok("2", ".", "_"),
                    tok("1", "Екі", "SpaceAfter=No"),
                    tok("2", ".", "_"),
                    tok("1", "Үш", "SpaceAfter=No"),
                    tok("2", ".", "_"),
                    tok("1", "Төрт", "SpaceAfter=No"),
                    tok("2", ".", "_"),
                ),
                "Бір. Екі.\n\nҮш. Төрт.",
                vec!["Бір", ".", "Екі", ".", "Үш", ".", "Төрт", "."],
                vec!["Бір.", "Екі.", "Үш.", "Төрт."],
            ),
            // CRLF, BOM, comment-only blocks, several blank lines, no
            // trailing newline, extra whitespace in # text.
            (
                format!(
                    "\u{feff}# global.columns = ID FORM\r\n\r\n# newdoc\r\n# text =  Иә ,  жоқ \r\n{}{}{}\r\n\r\n",
                    tok("1", "Иә", "_"),
                    tok("2", ",", "_"),
                    tok("3", "жоқ", "_").trim_end(),
                ),
                "Иә ,  жоқ",
                vec!["Иә", ",", "жоқ"],
                vec!["Иә ,  жоқ"],
            ),
            // No # text: rebuilt from forms and SpaceAfter.
            (
                format!(
                    "{}{}{}",
                    tok("1", "Сәлем", "SpaceAfter=No"),
                    tok("2", ",", "_"),
                    tok("3", "әлем", "Translit=x|SpaceAfter=No"),
                ),
                "Сәлем, әлем",
                vec!["Сәлем", ",", "әлем"],
                vec!["Сәлем, әлем"],
            ),
            // Empty input.
            (String::new(), "", vec![], vec![]),
        ];
        for (input, raw, want_tokens, want_sentences) in &cases {
            let tb = Treebank::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(tb.raw_text(), *raw, "{input:?}");
            assert_eq!(forms(&tb), *want_tokens, "{input:?}");
            assert_eq!(sentences(&tb), *want_sentences, "{input:?}");
            assert_eq!(tb.sentence_count(), want_sentences.len());
            assert!(tb.warnings().is_empty(), "{:?}", tb.warnings());
        }
    }

    #[test]
    fn parse_errors_name_the_line() {
        let cases: Vec<(String, usize)> = vec![
            ("# text = a\n1\ta\t_\n".to_owned(), 2),
            (
                format!("# text = a\n\n# text = b\n{}", tok("x", "b", "_")),
                4,
            ),
            (format!("# text = a\n{}", tok("0", "a", "_")), 2),
            (format!("# text = a\n{}", tok("2-1", "a", "_")), 2),
            (format!("# text = a\n{}", tok("1.", "a", "_")), 2),
            (format!("# text = a\n{}", tok("+1", "a", "_")), 2),
            (format!("# text = a\n{}", tok("1", "", "_")), 2),
            ("# text = a\n# text = b\n".to_owned(), 2),
        ];
        for (input, line) in cases {
            let err = Treebank::parse(&input).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Parse, "{input:?}");
            assert_eq!(err.line(), Some(line), "{input:?}: {err}");
            assert!(err.to_string().starts_with(&format!("line {line}: ")));
        }
    }

    #[test]
    fn misaligned_forms_are_warnings() {
        let input = format!(
            "# text = Бір екі үш төрт\n{}{}{}",
            tok("1", "Бір", "_"),
            tok("2", "бес", "_"),
            tok("3", "үш", "_"),
        );
        let tb = Treebank::parse(&input).unwrap();
        assert_eq!(forms(&tb), ["Бір", "үш"]);
        let lines: Vec<Option<usize>> = tb.warnings().iter().map(Error::line).collect();
        // "бес" is missing; "үш" is found after skipping "екі"; "төрт" is
        // left over.
        assert_eq!(lines, [Some(3), Some(4), Some(1)]);
        // Whitespace differences inside a form are not problems.
        let input = format!("# text = еш  нәрсе\n{}", tok("1", "еш нәрсе", "_"));
        let tb = Treebank::parse(&input).unwrap();
        assert_eq!(forms(&tb), ["еш  нәрсе"]);
        assert!(tb.warnings().is_empty());
    }

    #[test]
    fn gold_against_gold_is_perfect() {
        let input = format!(
            "# sent_id = d:1\n# text = Ол келген жоқ.\n{}{}{}\n# sent_id = e:1\n# text = Иә.\n{}{}",
            tok("1", "Ол", "_"),
            tok("2", "келген жоқ", "SpaceAfter=No"),
            tok("3", ".", "_"),
            tok("1", "Иә", "SpaceAfter=No"),
            tok("2", ".", "_"),
        );
        let tb = Treebank::parse(&input).unwrap();
        let s = score_segmentation(
            tb.raw_text(),
            tb.gold_tokens(),
            tb.gold_sentences(),
            tb.gold_tokens(),
            tb.gold_sentences(),
        );
        assert_eq!((s.tokens.f1, s.tokens.gold, s.tokens.system), (100.0, 5, 5));
        assert_eq!((s.sentences.f1, s.sentences.gold), (100.0, 2));
        let system = evaluate_segmentation(&tb);
        assert_eq!(system.tokens.gold, 5);
        assert!((0.0..=100.0).contains(&system.tokens.f1));
    }

    #[test]
    fn writer() {
        let text = "Ол\nкелді.Иә";
        let sentence = crate::sentences::sentences(text).next().unwrap();
        let mut out = String::new();
        write_sentence(&mut out, "x\r\ny", text, &sentence).unwrap();
        let mut lines = out.lines();
        assert_eq!(lines.next(), Some("# sent_id = x y"));
        let text_line = lines.next().unwrap();
        assert!(text_line.starts_with("# text = Ол"), "{text_line}");
        assert!(!text_line.contains('\n'));
        let rows: Vec<Vec<&str>> = lines
            .take_while(|l| !l.is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        assert_eq!(rows.len(), sentence.tokens().len());
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(row.len(), 10);
            assert_eq!(row[0], (i + 1).to_string());
            assert_eq!(row[1], sentence.tokens()[i].text());
            assert!(row[2..9].iter().all(|c| *c == "_"));
        }
        // "Ол" is followed by a newline; the last token by a letter or by
        // the end of the text.
        assert_eq!(rows[0][9], "_");
        assert!(out.ends_with("\n\n"));
    }

    #[test]
    fn one_line_fields() {
        let mut out = String::new();
        write_one_line(&mut out, "a\tb\r\nc\rd\ne\u{2028}f", true).unwrap();
        assert_eq!(out, "a b c d e f");
        let mut out = String::new();
        write_one_line(&mut out, "a\tb\n", false).unwrap();
        assert_eq!(out, "a\tb ");
    }

    #[test]
    fn ud_kazakh_dev() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/ud_kazakh-ktb/kk_ktb-ud-dev-from-test.conllu");
        let Ok(input) = std::fs::read_to_string(&path) else {
            crate::eval::data_missing(&format!("{} is not available", path.display()));
            return;
        };
        let tb = Treebank::parse(&input).unwrap();
        assert_eq!(tb.sentence_count(), 524);
        assert!(tb.warnings().is_empty(), "{:?}", tb.warnings());
        let s = score_segmentation(
            tb.raw_text(),
            tb.gold_tokens(),
            tb.gold_sentences(),
            tb.gold_tokens(),
            tb.gold_sentences(),
        );
        assert_eq!(s.tokens.f1, 100.0);
        assert_eq!(s.sentences.f1, 100.0);
        assert_eq!(s.sentences.gold, 524);
        assert_eq!(s.tokens.gold, tb.gold_tokens().len());
    }
}
