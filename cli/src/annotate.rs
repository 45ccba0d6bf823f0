//! `kazakh annotate`: sentences, tokens, lemmas, numbers and entities of
//! documents or whole corpora, as JSON lines, CoNLL-U, HTML or a summary.
//!
//! Documents are read in batches (at most `--batch` documents and about
//! 4 MB of input each), a batch is analysed on all threads, written in input
//! order and flushed, then the next batch is read: memory stays bounded
//! whatever the size of the corpus.

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use kazakh::{Document, Pipeline};
use rayon::prelude::*;
use serde_json::{Map, Value as Json};

use crate::io::corpus::{sources, InputFormat, Raw, Reader};
use crate::io::{warning_line, Failure, Offsets, Output};
use crate::model;
use crate::render::progress::Progress;
use crate::render::{conllu, html, jsonl, text};

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

    /// The document date, YYYY-MM-DD: relative dates and times (`биыл`,
    /// `кеше`, `мамырда`) resolve against it. Without it (and without
    /// --date-field) they stay relative.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::io::parse_date)]
    date: Option<kazakh::time::Date>,

    /// With `--input-format jsonl`: the field that holds each document's
    /// date (YYYY-MM-DD, or an ISO 8601 date and time, whose date is
    /// used); it takes the place of --date where present. A document whose
    /// field is not a date is reported with its file and line and skipped,
    /// as other bad documents are.
    #[arg(long, value_name = "FIELD")]
    date_field: Option<String>,
}

/// Output formats of `kazakh annotate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per document (schema in docs/schema.md): "schema"
    /// (its version), "offsets" ("bytes" or "chars"), "sentences"
    /// ({"start","end","tokens": [first, end)}), "tokens"
    /// ({"text","start","end","kind","lemma"}), "entities" and "numbers"
    /// (as `kazakh ner` and `kazakh numbers` print them), and "meta" for
    /// corpus input (the other fields of a JSON line, or {"file"}).
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

/// Settings shared by the workers.
struct Ctx {
    pipeline: Pipeline,
    format: Format,
    input: InputFormat,
    text_field: String,
    offsets: Offsets,
    /// Whether "meta" is written (corpus input).
    corpus: bool,
    /// The date relative expressions resolve against, and the JSON field
    /// with a document's own.
    date: Option<kazakh::time::Date>,
    date_field: Option<String>,
}

/// Runs `kazakh annotate`.
pub fn run(args: Args) -> Result<(), Failure> {
    if args.batch == 0 {
        return Err(Failure::usage(
            "--batch must be at least 1; see 'kazakh annotate --help'",
        ));
    }
    if args.date_field.is_some() && args.input_format != InputFormat::Jsonl {
        return Err(Failure::usage(
            "--date-field needs --input-format jsonl; see 'kazakh annotate --help'",
        ));
    }
    let sources = sources(&args.files, args.input_format)?;
    let recognizer = model::recognizer(args.model)?;
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
        date: args.date,
        date_field: args.date_field,
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
        let results: Vec<Result<Vec<u8>, String>> = pool.install(|| {
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
                    out.write(&text)?;
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

/// The text of a document and its meta data, or why it is skipped.
fn parse<'r>(ctx: &Ctx, raw: &'r Raw) -> Result<(Cow<'r, str>, Option<Json>), String> {
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
            Ok((Cow::Borrowed(text), meta))
        }
        InputFormat::Jsonl => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let mut object: Map<String, Json> =
                serde_json::from_str(text).map_err(|e| format!("malformed JSON: {e}"))?;
            match object.remove(&ctx.text_field) {
                Some(Json::String(s)) => Ok((Cow::Owned(s), Some(Json::Object(object)))),
                Some(_) => Err(format!("field \"{}\" is not a string", ctx.text_field)),
                None => Err(format!("no field \"{}\"", ctx.text_field)),
            }
        }
    }
}

/// Analyses one document and renders it in the output format.
fn render(ctx: &Ctx, raw: &Raw, doc: &mut Document) -> Result<Vec<u8>, String> {
    let (text, meta) = parse(ctx, raw)?;
    let date = document_date(ctx, meta.as_ref())?;
    ctx.pipeline.analyze_into(&text, doc);
    if let Some(date) = date {
        doc.anchor(date);
    }
    // More than the output takes (a token's JSON object is some 70 bytes
    // beside its text and lemma, a mention's about 100 beside its text), so
    // that a long document's output is allocated once, not doubled from
    // small; pages never written cost no memory.
    let capacity = text.len() * 3
        + doc.tokens().len() * 96
        + doc.sentences().len() * 64
        + doc.numbers().len() * 128
        + doc.entities().len() * 160
        + 256;
    if ctx.format == Format::Jsonl {
        return jsonl::document(capacity, doc, ctx.offsets, meta.as_ref());
    }
    let mut out = String::with_capacity(capacity);
    let id = doc_id(meta.as_ref(), raw.number);
    match ctx.format {
        // Written above, without an intermediate string.
        Format::Jsonl => {}
        Format::Conllu => conllu::document(&mut out, doc, &id),
        Format::Html => html::document(&mut out, doc, &id),
        Format::Text => text::summary(&mut out, doc, &id),
    }
    Ok(out.into_bytes())
}

/// The date a document's relative expressions resolve against: its
/// --date-field, else --date.
fn document_date(ctx: &Ctx, meta: Option<&Json>) -> Result<Option<kazakh::time::Date>, String> {
    let field = ctx
        .date_field
        .as_deref()
        .and_then(|name| Some((name, meta?.get(name)?)));
    match field {
        None | Some((_, Json::Null)) => Ok(ctx.date),
        Some((name, Json::String(s))) => crate::io::field_date(s)
            .map(Some)
            .map_err(|e| format!("field \"{name}\": {e}")),
        Some((name, _)) => Err(format!("field \"{name}\" is not a string")),
    }
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
