//! `kazakh annotate`: sentences, tokens, lemmas, numbers and entities of
//! documents or whole corpora, as JSON lines, CoNLL-U, HTML or a summary.
//!
//! Documents are read in batches (at most `--batch` documents and about
//! 4 MB of input each), a batch is analysed on all threads, written in input
//! order and flushed, then the next batch is read: memory stays bounded
//! whatever the size of the corpus.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::ValueEnum;
use kazakh::{DocNumber, Document, Pipeline};
use rayon::prelude::*;
use serde_json::{Map, Value as Json};

use crate::html;
use crate::io::{is_break_or_tab, warning_line, Failure, Offsets, Output};

/// Input bytes per batch, beyond which a batch is closed early.
const BATCH_BYTES: usize = 4 << 20;

/// Arguments of `kazakh annotate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files or directories (every `.txt` file, or `.jsonl` file with
    /// `--input-format jsonl`, sorted by name); standard input when none
    /// or `-`.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,

    /// Input format.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    input_format: InputFormat,

    /// With `--input-format jsonl`: the field that holds the text.
    #[arg(long, value_name = "FIELD", default_value = "text")]
    text_field: String,

    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,

    /// Documents per batch (read, analysed in parallel, written in order).
    #[arg(long, value_name = "N", default_value_t = 256)]
    batch: usize,

    /// Stop at the first bad document (exit 1) instead of skipping it.
    #[arg(long)]
    strict: bool,

    /// Normalize the text before analysis (look-alike letters, quotes,
    /// invisible characters, NFC); offsets still refer to the input.
    #[arg(long)]
    normalize: bool,

    /// Offsets in JSON output: UTF-8 bytes or Unicode scalar values (chars,
    /// as Python counts them).
    #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
    offsets: Offsets,

    /// A model file to use instead of the embedded entity model.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,

    /// The longest document to analyse, in bytes (a text file, or a JSON
    /// line); a longer one is reported with its file and line and skipped,
    /// as other bad documents are. 0 for no limit.
    #[arg(long, value_name = "BYTES", default_value_t = kazakh::DEFAULT_MAX_DOC_BYTES)]
    max_doc_bytes: usize,
}

/// Output formats of `kazakh annotate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per document: "sentences" ({"start","end","tokens":
    /// [first, end)}), "tokens" ({"text","start","end","kind","lemma"}),
    /// "entities" and "numbers" (as `kazakh ner` and `kazakh numbers` print
    /// them), and "meta" for corpus input (the other fields of a JSON line,
    /// or {"file"}).
    Jsonl,
    /// CoNLL-U: `# newdoc`, `# sent_id`, `# text`, ten columns with the
    /// LEMMA filled, and `NE=B-PER`, `Num=B-MONEY`, `NumValue=…`,
    /// `SpaceAfter=No` in MISC.
    Conllu,
    /// A self-contained HTML page: entities highlighted by type, numbers
    /// underlined with their value on hover, entities by frequency.
    Html,
    /// A compact summary per document: counts, entities by frequency,
    /// numbers with their values.
    Text,
}

/// Input formats of `kazakh annotate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Each file (or standard input) is one document.
    Text,
    /// One JSON object per line, the text in `--text-field`; the other
    /// fields are carried through under "meta".
    Jsonl,
}

/// One document as read, before analysis.
struct Raw {
    /// Where it comes from, for messages: `FILE` or `FILE line N`.
    origin: String,
    /// 1-based number of the document in the run.
    number: usize,
    /// The text file's path, when documents are files of a corpus.
    file: Option<String>,
    /// Bytes of the text file, or of the JSON line.
    bytes: Vec<u8>,
}

/// Settings shared by the workers.
struct Ctx {
    pipeline: Pipeline,
    format: Format,
    input: InputFormat,
    text_field: String,
    offsets: Offsets,
    /// Whether "meta" is written (corpus input).
    corpus: bool,
}

/// Runs `kazakh annotate`.
pub fn run(args: Args) -> Result<(), Failure> {
    if args.batch == 0 {
        return Err(Failure::usage(
            "--batch must be at least 1; see 'kazakh annotate --help'",
        ));
    }
    let sources = sources(&args.files, args.input_format)?;
    let recognizer = crate::ner::recognizer(args.model)?;
    let max_doc_bytes = (args.max_doc_bytes > 0).then_some(args.max_doc_bytes);
    let mut pipeline = Pipeline::new();
    pipeline
        .normalization(args.normalize)
        .recognizer(recognizer)
        .max_bytes(max_doc_bytes);
    let corpus = args.input_format == InputFormat::Jsonl
        || sources.iter().filter(|s| s.path.is_some()).count() > 1
        || sources.iter().any(|s| s.from_dir);
    let ctx = Ctx {
        pipeline,
        format: args.format,
        input: args.input_format,
        text_field: args.text_field,
        offsets: args.offsets,
        corpus,
    };
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder
        .build()
        .map_err(|e| Failure::usage(format!("cannot start threads: {e}")))?;

    let total: Option<u64> = sources
        .iter()
        .map(|s| {
            s.path
                .as_ref()
                .and_then(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
        })
        .sum();
    let mut progress = Progress::new(total);
    let mut out = Output::stdout();
    if ctx.format == Format::Html {
        out.write_str(html::HEADER)?;
    }
    let mut reader = Reader::new(sources, args.input_format, max_doc_bytes);
    let mut done = 0usize;
    let mut skipped = 0usize;
    let mut batch: Vec<Raw> = Vec::with_capacity(args.batch);
    let mut stop: Option<Failure> = None;
    'run: loop {
        batch.clear();
        let mut bytes = 0;
        while batch.len() < args.batch && bytes < BATCH_BYTES {
            match reader.next_doc() {
                Ok(Some(raw)) => {
                    bytes += raw.bytes.len();
                    batch.push(raw);
                }
                Ok(None) => break,
                Err(message) => {
                    // An unreadable file or stream: a skipped document.
                    skipped += 1;
                    if args.strict {
                        stop = Some(Failure::content(message));
                        break;
                    }
                    warning_line(&format!("{message}; skipped"));
                }
            }
        }
        if batch.is_empty() && stop.is_none() {
            break;
        }
        let results: Vec<Result<String, String>> = pool.install(|| {
            batch
                .par_iter()
                .map(|raw| {
                    SPARE.with(|spare| {
                        let mut doc = spare.borrow_mut();
                        render(&ctx, raw, &mut doc)
                    })
                })
                .collect()
        });
        for (raw, result) in batch.iter().zip(results) {
            match result {
                Ok(text) => {
                    out.write_str(&text)?;
                    done += 1;
                }
                Err(message) => {
                    skipped += 1;
                    let message = format!("{}: {message}", raw.origin);
                    if args.strict {
                        stop = Some(Failure::content(message));
                        break;
                    }
                    warning_line(&format!("{message}; skipped"));
                }
            }
            progress.add(raw.bytes.len() as u64 + 1);
        }
        out.flush()?;
        progress.show(done + skipped, false);
        if stop.is_some() {
            break 'run;
        }
    }
    progress.show(done + skipped, true);
    if ctx.format == Format::Html {
        out.write_str(html::FOOTER)?;
    }
    out.finish()?;
    if let Some(failure) = stop {
        return Err(failure);
    }
    if skipped > 0 {
        return Err(Failure::content(format!(
            "skipped {skipped} of {} documents (see the warnings above)",
            done + skipped
        )));
    }
    Ok(())
}

thread_local! {
    /// Each worker's reusable document.
    static SPARE: RefCell<Document> = RefCell::new(Document::default());
}

/// One input named on the command line, or found in a directory.
struct Source {
    /// `None` for standard input.
    path: Option<PathBuf>,
    from_dir: bool,
}

impl Source {
    fn name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "standard input".to_owned(),
        }
    }
}

/// The inputs, directories expanded (sorted by name). Missing paths are
/// usage errors.
fn sources(files: &[PathBuf], input: InputFormat) -> Result<Vec<Source>, Failure> {
    if files.is_empty() {
        return Ok(vec![Source {
            path: None,
            from_dir: false,
        }]);
    }
    let ext = match input {
        InputFormat::Text => "txt",
        InputFormat::Jsonl => "jsonl",
    };
    let mut out = Vec::new();
    for path in files {
        if path.as_os_str() == "-" {
            out.push(Source {
                path: None,
                from_dir: false,
            });
            continue;
        }
        let fail = |why: String| Failure::usage(format!("cannot read {}: {why}", path.display()));
        let meta = std::fs::metadata(path).map_err(|e| fail(os_message(&e)))?;
        if meta.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| fail(os_message(&e)))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == ext) && p.is_file())
                .collect();
            found.sort();
            out.extend(found.into_iter().map(|p| Source {
                path: Some(p),
                from_dir: true,
            }));
        } else {
            out.push(Source {
                path: Some(path.clone()),
                from_dir: false,
            });
        }
    }
    Ok(out)
}

fn os_message(error: &io::Error) -> String {
    let mut message = error.to_string();
    if let Some(at) = message.find(" (os error ") {
        message.truncate(at);
    }
    message
}

/// Reads documents one at a time from the sources in order.
struct Reader {
    sources: std::vec::IntoIter<Source>,
    input: InputFormat,
    /// The open JSON-lines stream, its name and the last line number.
    lines: Option<(Box<dyn BufRead>, String, usize)>,
    number: usize,
    /// The longest document kept, in bytes.
    max_bytes: Option<usize>,
}

impl Reader {
    fn new(sources: Vec<Source>, input: InputFormat, max_bytes: Option<usize>) -> Reader {
        Reader {
            sources: sources.into_iter(),
            input,
            lines: None,
            number: 0,
            max_bytes,
        }
    }

    /// The message for a document of `len` bytes over the limit, if it is.
    fn too_large(&self, origin: &str, len: u64) -> Option<String> {
        let max = self.max_bytes?;
        (len > max as u64).then(|| {
            format!("{origin}: document of {len} bytes is longer than --max-doc-bytes {max}")
        })
    }

    /// The next document; `Err` for an input that cannot be read.
    fn next_doc(&mut self) -> Result<Option<Raw>, String> {
        loop {
            if let Some((stream, name, line)) = &mut self.lines {
                let mut bytes = Vec::new();
                match read_line_bounded(stream.as_mut(), &mut bytes, self.max_bytes) {
                    Ok(None) => {
                        self.lines = None;
                        continue;
                    }
                    Ok(Some(len)) => {
                        *line += 1;
                        if bytes.last() == Some(&b'\n') {
                            bytes.pop();
                            if bytes.last() == Some(&b'\r') {
                                bytes.pop();
                            }
                        }
                        if self.max_bytes.is_some_and(|max| bytes.len() > max) {
                            // The bytes past the limit were read and
                            // dropped; the message gives the whole length.
                            self.number += 1;
                            let origin = format!("{name} line {line}");
                            return Err(self.too_large(&origin, len as u64).unwrap_or(origin));
                        }
                        if bytes.iter().all(u8::is_ascii_whitespace) {
                            continue;
                        }
                        self.number += 1;
                        return Ok(Some(Raw {
                            origin: format!("{name} line {line}"),
                            number: self.number,
                            file: None,
                            bytes,
                        }));
                    }
                    Err(e) => {
                        let message = format!("cannot read {name}: {}", os_message(&e));
                        self.lines = None;
                        return Err(message);
                    }
                }
            }
            let Some(source) = self.sources.next() else {
                return Ok(None);
            };
            let name = source.name();
            match self.input {
                InputFormat::Jsonl => {
                    let stream: Box<dyn BufRead> = match &source.path {
                        None => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
                        Some(path) => match File::open(path) {
                            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
                            Err(e) => {
                                return Err(format!("cannot read {name}: {}", os_message(&e)))
                            }
                        },
                    };
                    self.lines = Some((stream, name, 0));
                }
                InputFormat::Text => {
                    let (bytes, len) = read_all(source.path.as_deref(), self.max_bytes)
                        .map_err(|e| format!("cannot read {name}: {}", os_message(&e)))?;
                    self.number += 1;
                    if let Some(message) = self.too_large(&name, len) {
                        return Err(message);
                    }
                    let file = source.from_dir.then(|| name.clone());
                    let file = file.or_else(|| source.path.as_ref().map(|_| name.clone()));
                    return Ok(Some(Raw {
                        origin: name,
                        number: self.number,
                        file,
                        bytes,
                    }));
                }
            }
        }
    }
}

/// Reads a whole file (standard input for `None`), keeping at most
/// `max + 1` bytes; the rest is read and dropped. Gives the bytes kept and
/// the length of the whole input.
fn read_all(path: Option<&Path>, max: Option<usize>) -> io::Result<(Vec<u8>, u64)> {
    let mut bytes = Vec::new();
    let keep = max.map_or(u64::MAX, |m| m as u64 + 1);
    let mut reader: Box<dyn Read> = match path {
        None => Box::new(io::stdin().lock()),
        Some(p) => Box::new(File::open(p)?),
    };
    let kept = reader.by_ref().take(keep).read_to_end(&mut bytes)? as u64;
    let rest = if kept == keep {
        io::copy(&mut reader, &mut io::sink())?
    } else {
        0
    };
    Ok((bytes, kept + rest))
}

/// Reads one line (with its `\n`, if any) into `bytes`, keeping at most
/// `max + 3` bytes of it (one past the limit after a `\r\n`); the rest of
/// a longer line is read and dropped, so that one huge record costs no
/// memory. Gives the length of the whole line without its `\n` or `\r\n`,
/// or `None` at the end of the input.
fn read_line_bounded(
    stream: &mut dyn BufRead,
    bytes: &mut Vec<u8>,
    max: Option<usize>,
) -> io::Result<Option<usize>> {
    let keep = max.map_or(usize::MAX, |m| m.saturating_add(3));
    let mut total = 0usize;
    let mut last = [0u8; 2];
    loop {
        let buf = match stream.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            // The last line, without a line end, or nothing.
            return Ok((total > 0).then_some(total));
        }
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let room = keep.saturating_sub(bytes.len());
        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let n = chunk.len();
        total += n;
        match chunk {
            [.., a, b] => last = [*a, *b],
            [b] => last = [last[1], *b],
            [] => {}
        }
        stream.consume(n);
        if done {
            let ending = match last {
                [b'\r', b'\n'] => 2,
                [_, b'\n'] => 1,
                _ => 0,
            };
            return Ok(Some(total - ending));
        }
    }
}

/// The text of a document and its meta data, or why it is skipped.
fn parse<'r>(ctx: &Ctx, raw: &'r Raw) -> Result<(std::borrow::Cow<'r, str>, Option<Json>), String> {
    let text = match kazakh::from_utf8(&raw.bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.offset().unwrap_or(0);
            return Err(match ctx.input {
                InputFormat::Jsonl => format!("invalid UTF-8 at byte {offset} of the line"),
                InputFormat::Text => format!("invalid UTF-8 at byte offset {offset}"),
            });
        }
    };
    match ctx.input {
        InputFormat::Text => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let meta = match (&raw.file, ctx.corpus) {
                (Some(file), true) => Some(serde_json::json!({ "file": file })),
                _ => None,
            };
            Ok((std::borrow::Cow::Borrowed(text), meta))
        }
        InputFormat::Jsonl => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let mut object: Map<String, Json> =
                serde_json::from_str(text).map_err(|e| format!("malformed JSON: {e}"))?;
            match object.remove(&ctx.text_field) {
                Some(Json::String(s)) => {
                    Ok((std::borrow::Cow::Owned(s), Some(Json::Object(object))))
                }
                Some(_) => Err(format!("field \"{}\" is not a string", ctx.text_field)),
                None => Err(format!("no field \"{}\"", ctx.text_field)),
            }
        }
    }
}

/// Analyses one document and renders it in the output format.
fn render(ctx: &Ctx, raw: &Raw, doc: &mut Document) -> Result<String, String> {
    let (text, meta) = parse(ctx, raw)?;
    ctx.pipeline.analyze_into(&text, doc);
    let mut out = String::with_capacity(text.len() * 4 + 64);
    let id = doc_id(meta.as_ref(), raw.number);
    match ctx.format {
        Format::Jsonl => jsonl(&mut out, doc, ctx.offsets, meta.as_ref()),
        Format::Conllu => conllu(&mut out, doc, &id),
        Format::Html => html::document(&mut out, doc, &id),
        Format::Text => summary(&mut out, doc, &id),
    }
    Ok(out)
}

/// The document's name: the "id" of its meta data, its file, or its number.
fn doc_id(meta: Option<&Json>, number: usize) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect()
    };
    match meta {
        Some(m) => match (m.get("id"), m.get("file")) {
            (Some(Json::String(s)), _) if !s.is_empty() => clean(s),
            (Some(Json::Number(n)), _) => n.to_string(),
            (_, Some(Json::String(f))) => clean(
                Path::new(f)
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or(f),
            ),
            _ => format!("doc{number}"),
        },
        None => format!("doc{number}"),
    }
}

/// Appends `s` as a JSON string literal.
fn push_json(out: &mut String, s: &str) {
    out.push('"');
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escape);
        }
        last = i + 1;
    }
    out.push_str(&s[last..]);
    out.push('"');
}

/// Appends a decimal number.
fn push_num(out: &mut String, n: usize) {
    use std::fmt::Write as _;
    let _ = write!(out, "{n}");
}

/// One JSON line for the document.
fn jsonl(out: &mut String, doc: &Document, offsets: Offsets, meta: Option<&Json>) {
    let pick = |span: kazakh::Span, chars: kazakh::Span| match offsets {
        Offsets::Bytes => (span.start, span.end),
        Offsets::Chars => (chars.start, chars.end),
    };
    out.push_str("{\"sentences\":[");
    for (i, s) in doc.sentences().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let (start, end) = pick(s.span, s.chars);
        out.push_str("{\"start\":");
        push_num(out, start);
        out.push_str(",\"end\":");
        push_num(out, end);
        out.push_str(",\"tokens\":[");
        push_num(out, s.tokens.start);
        out.push(',');
        push_num(out, s.tokens.end);
        out.push_str("]}");
    }
    out.push_str("],\"tokens\":[");
    for (i, t) in doc.tokens().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let (start, end) = pick(t.span, t.chars);
        out.push_str("{\"text\":");
        push_json(out, doc.token_text(t));
        out.push_str(",\"start\":");
        push_num(out, start);
        out.push_str(",\"end\":");
        push_num(out, end);
        out.push_str(",\"kind\":\"");
        out.push_str(t.kind.as_str());
        out.push('"');
        if let Some(lemma) = doc.lemma(t) {
            out.push_str(",\"lemma\":");
            push_json(out, lemma);
        }
        out.push('}');
    }
    out.push_str("],\"entities\":[");
    for (i, e) in doc.entities().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let (start, end) = pick(e.span, e.chars);
        crate::ner::push_entity_json(
            out,
            doc.text_at(e.span),
            start,
            end,
            e.label,
            &e.lemma,
            e.score,
        );
    }
    out.push_str("],\"numbers\":[");
    for (i, n) in doc.numbers().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        crate::numbers::push_number_json(
            out,
            doc.text_at(n.span),
            pick(n.span, n.chars),
            n.kind,
            n.value,
            n.unit,
            n.approx,
        );
    }
    out.push(']');
    if let Some(meta) = meta {
        out.push_str(",\"meta\":");
        out.push_str(&meta.to_string());
    }
    out.push_str("}\n");
}

/// The value with its approximation prefix and unit: `~1000 KZT`.
pub fn number_value(n: &DocNumber) -> String {
    let prefix = n.approx.map_or("", |a| a.prefix());
    match n.unit {
        Some(unit) => format!("{prefix}{} {unit}", n.value),
        None => format!("{prefix}{}", n.value),
    }
}

/// `s` on one line: tabs and line breaks become spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if is_break_or_tab(c) { ' ' } else { c })
        .collect()
}

/// The CoNLL-U sentences of the document.
fn conllu(out: &mut String, doc: &Document, id: &str) {
    let tokens = doc.tokens();
    // MISC per token: entity and number tags.
    let mut ne: Vec<Option<(bool, &'static str)>> = vec![None; tokens.len()];
    for e in doc.entities() {
        for i in e.tokens.clone() {
            if let Some(slot) = ne.get_mut(i) {
                *slot = Some((i == e.tokens.start, e.label.as_str()));
            }
        }
    }
    let mut num: Vec<Option<(bool, usize)>> = vec![None; tokens.len()];
    for (k, n) in doc.numbers().iter().enumerate() {
        if n.tokens
            .clone()
            .any(|i| num.get(i).is_some_and(Option::is_some))
        {
            continue;
        }
        for i in n.tokens.clone() {
            if let Some(slot) = num.get_mut(i) {
                *slot = Some((i == n.tokens.start, k));
            }
        }
    }
    out.push_str("# newdoc id = ");
    out.push_str(id);
    out.push('\n');
    let mut misc = String::new();
    for (k, s) in doc.sentences().iter().enumerate() {
        out.push_str(&format!("# sent_id = {id}-{}\n# text = ", k + 1));
        out.push_str(&one_line(doc.text_at(s.span)));
        out.push('\n');
        for (j, i) in s.tokens.clone().enumerate() {
            let t = &tokens[i];
            let form = doc.token_text(t);
            let lemma = doc.lemma(t).unwrap_or("_");
            misc.clear();
            if let Some((first, label)) = ne[i] {
                misc.push_str(if first { "NE=B-" } else { "NE=I-" });
                misc.push_str(label);
            }
            if let Some((first, k)) = num[i] {
                let n = &doc.numbers()[k];
                if !misc.is_empty() {
                    misc.push('|');
                }
                misc.push_str(if first { "Num=B-" } else { "Num=I-" });
                misc.push_str(n.kind.label());
                if first {
                    misc.push_str("|NumValue=");
                    misc.push_str(&number_value(n).replace(' ', "_"));
                }
            }
            let glued = tokens
                .get(i + 1)
                .is_some_and(|next| next.span.start == t.span.end);
            if glued {
                if !misc.is_empty() {
                    misc.push('|');
                }
                misc.push_str("SpaceAfter=No");
            }
            if misc.is_empty() {
                misc.push('_');
            }
            out.push_str(&format!(
                "{}\t{}\t{}\t_\t_\t_\t_\t_\t_\t{misc}\n",
                j + 1,
                one_line(form),
                one_line(lemma)
            ));
        }
        out.push('\n');
    }
}

/// Entities of the document by frequency: (label, lemma, count), most
/// frequent first, then by label and name.
pub fn entity_counts(doc: &Document) -> Vec<(kazakh::ner::Label, &str, usize)> {
    let mut counts: std::collections::HashMap<(kazakh::ner::Label, &str), usize> =
        std::collections::HashMap::new();
    for e in doc.entities() {
        *counts.entry((e.label, e.lemma.as_str())).or_default() += 1;
    }
    let mut list: Vec<_> = counts.into_iter().map(|((l, s), n)| (l, s, n)).collect();
    list.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(b.1)));
    list
}

/// A compact human summary of the document.
fn summary(out: &mut String, doc: &Document, id: &str) {
    out.push_str(&format!(
        "{id}: {} sentences, {} tokens, {} entities, {} numbers\n",
        doc.sentences().len(),
        doc.tokens().len(),
        doc.entities().len(),
        doc.numbers().len()
    ));
    for (label, name, n) in entity_counts(doc) {
        out.push_str(&format!("  {label}  {}", one_line(name)));
        if n > 1 {
            out.push_str(&format!(" ×{n}"));
        }
        out.push('\n');
    }
    for n in doc.numbers() {
        out.push_str(&format!(
            "  {}  {} = {}\n",
            n.kind.as_str(),
            one_line(doc.text_at(n.span)),
            number_value(n)
        ));
    }
    out.push('\n');
}

/// A progress line on standard error, when it is a terminal.
struct Progress {
    on: bool,
    start: Instant,
    last: Instant,
    bytes: u64,
    total: Option<u64>,
}

impl Progress {
    fn new(total: Option<u64>) -> Progress {
        let now = Instant::now();
        Progress {
            on: io::stderr().is_terminal(),
            start: now,
            last: now,
            bytes: 0,
            total,
        }
    }

    fn add(&mut self, bytes: u64) {
        self.bytes += bytes;
    }

    fn show(&mut self, docs: usize, last: bool) {
        if !self.on || (!last && self.last.elapsed().as_millis() < 250) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        let rate = mb / secs;
        let mut line = format!("\r{docs} documents, {mb:.1} MB, {rate:.1} MB/s");
        if let Some(total) = self.total.filter(|&t| t > 0 && !last) {
            let left = (total as f64 / 1e6 - mb).max(0.0);
            if rate > 0.0 {
                line.push_str(&format!(", ETA {:.0} s", left / rate));
            }
        }
        line.push_str("    ");
        if last {
            line.push('\n');
        }
        let _ = io::stderr().lock().write_all(line.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::push_json;

    #[test]
    fn json_strings() {
        let mut s = String::new();
        push_json(&mut s, "a\"b\\c\nd\u{1}е");
        assert_eq!(s, "\"a\\\"b\\\\c\\nd\\u0001е\"");
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "a\"b\\c\nd\u{1}е");
    }
}
