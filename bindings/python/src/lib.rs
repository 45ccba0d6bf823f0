//! `kazakh._kazakh`: the native half of the Python package `kazakh`.
//!
//! Every analysis goes through one path, the one `kazakh annotate` takes:
//! [`kazakh::Pipeline`] gives a [`kazakh::Document`], and
//! [`kazakh::schema::DocumentView`] serializes it with `serde_json`. The
//! Python half (`python/kazakh/__init__.py`) turns the JSON into dicts with
//! `json.loads`, so that a document in Python is, field for field, the line
//! `kazakh annotate --format jsonl --offsets chars` writes (DESIGN.md,
//! "Python bindings", says why JSON rather than building dicts here).
//!
//! The analysis and the serialization run with the GIL released
//! ([`Python::detach`]), on a rayon pool for batches. Errors of the library
//! become `kazakh.KazakhError` (a `ValueError`) with the library's one-line
//! message; a Python `str` that is not valid UTF-8 (lone surrogates) is
//! refused by PyO3 with `UnicodeEncodeError` before any analysis.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use kazakh::schema::{DocumentView, Offsets};
use kazakh::{Document, Pipeline};
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

mod topy;

create_exception!(
    _kazakh,
    KazakhError,
    PyValueError,
    "An error of the kazakh library (a document over the size limit, a bad option), with its one-line message."
);

/// The library's error as a Python exception.
fn py_err(e: &kazakh::Error) -> PyErr {
    KazakhError::new_err(e.to_string())
}

/// `"chars"` or `"bytes"` as the schema's unit.
fn offsets_of(name: &str) -> PyResult<Offsets> {
    match name {
        "chars" => Ok(Offsets::Chars),
        "bytes" => Ok(Offsets::Bytes),
        other => Err(PyValueError::new_err(format!(
            "offsets must be \"chars\" or \"bytes\", not {other:?}"
        ))),
    }
}

/// The pipeline that analyses a text anchored at `date` ("YYYY-MM-DD"):
/// the pipeline itself when there is no date. The one place where dates
/// reach the library.
fn with_date<'p>(pipeline: &'p Pipeline, date: Option<&str>) -> PyResult<Cow<'p, Pipeline>> {
    match date {
        None => Ok(Cow::Borrowed(pipeline)),
        Some(text) => {
            let date: kazakh::time::Date = text.parse().map_err(|e| py_err(&e))?;
            let mut anchored = pipeline.clone();
            anchored.date(Some(date));
            Ok(Cow::Owned(anchored))
        }
    }
}

/// One document as a line of the schema, without the newline.
fn to_json(doc: &Document, offsets: Offsets) -> String {
    let mut buf = Vec::with_capacity(doc.text().len() * 3 + doc.tokens().len() * 96 + 256);
    serde_json::to_writer(&mut buf, &DocumentView::new(doc, offsets))
        .expect("a document view always serializes");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

/// A batch of texts borrowed from a Python list, with the pipeline of each
/// (one for all when no text has a date of its own).
struct Batch<'a> {
    texts: Vec<&'a str>,
    pipelines: Vec<Cow<'a, Pipeline>>,
}

impl Batch<'_> {
    fn pipeline(&self, i: usize) -> &Pipeline {
        if self.pipelines.len() == 1 {
            &self.pipelines[0]
        } else {
            &self.pipelines[i]
        }
    }

    /// `f` of each text's analysis, in input order, on `pool` (None: this
    /// thread). Called with the GIL released; `f` may take the document.
    fn run<T: Send>(
        &self,
        pool: Option<&rayon::ThreadPool>,
        f: impl Fn(Result<&mut Document, kazakh::Error>) -> T + Sync,
    ) -> Vec<T> {
        let one = |doc: &mut Document, i: usize, text: &str| match self
            .pipeline(i)
            .try_analyze_into(text, doc)
        {
            Ok(()) => f(Ok(doc)),
            Err(e) => f(Err(e)),
        };
        match pool {
            None => {
                let mut doc = Document::default();
                self.texts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| one(&mut doc, i, t))
                    .collect()
            }
            Some(pool) => pool.install(|| {
                self.texts
                    .par_iter()
                    .enumerate()
                    .map_init(Document::default, |doc, (i, t)| one(doc, i, t))
                    .collect()
            }),
        }
    }
}

/// The texts of `list` as `&str` (borrowed: the list keeps its strings
/// alive, nothing is copied) and their pipelines.
fn batch<'a>(
    list: &'a [Bound<'_, PyString>],
    base: &'a NativePipeline,
    dates: Option<&'a [Option<String>]>,
) -> PyResult<Batch<'a>> {
    let texts: Vec<&str> = list.iter().map(|s| s.to_str()).collect::<PyResult<_>>()?;
    let mut pipelines = Vec::new();
    match dates {
        None => pipelines.push(Cow::Borrowed(&base.pipeline)),
        Some(ds) => {
            if ds.len() != texts.len() {
                return Err(PyValueError::new_err(format!(
                    "{} dates for {} texts",
                    ds.len(),
                    texts.len()
                )));
            }
            for d in ds {
                pipelines.push(with_date(&base.pipeline, d.as_deref())?);
            }
        }
    }
    Ok(Batch { texts, pipelines })
}

/// The strings of a list, or a `TypeError` naming the first that is not.
fn strings<'py>(texts: &Bound<'py, PyList>) -> PyResult<Vec<Bound<'py, PyString>>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            t.cast_into::<PyString>()
                .map_err(|_| PyTypeError::new_err(format!("texts[{i}] is not a str")))
        })
        .collect()
}

/// The pool for `threads` (None: all cores), or None to run on the
/// calling thread.
fn pool_for(threads: Option<usize>) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(1) => Ok(None),
        n => pool(n).map(Some),
    }
}

/// A batch error as the Python exception, naming the text.
fn batch_err(i: usize, e: &kazakh::Error) -> PyErr {
    KazakhError::new_err(format!("texts[{i}]: {e}"))
}

/// The rayon pool for `threads` workers (`None`: all cores), made once per
/// distinct count.
fn pool(threads: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let n = threads.unwrap_or(0);
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(p) = pools.get(&n) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("kazakh-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start threads: {e}")))?;
    let p = Arc::new(p);
    pools.insert(n, p.clone());
    Ok(p)
}

/// The configured analysis, as `kazakh.Pipeline` holds it: immutable, so
/// that one object serves every thread.
#[pyclass(frozen, module = "kazakh._kazakh", name = "NativePipeline")]
struct NativePipeline {
    pipeline: Pipeline,
    offsets: Offsets,
    date: Option<String>,
}

#[pymethods]
impl NativePipeline {
    #[new]
    #[pyo3(signature = (*, normalize=false, offsets="chars", date=None, max_bytes=Some(kazakh::DEFAULT_MAX_DOC_BYTES), lemmas=true, numbers=true, entities=true))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        normalize: bool,
        offsets: &str,
        date: Option<String>,
        max_bytes: Option<usize>,
        lemmas: bool,
        numbers: bool,
        entities: bool,
    ) -> PyResult<Self> {
        let offsets = offsets_of(offsets)?;
        let mut pipeline = Pipeline::new();
        pipeline
            .normalization(normalize)
            .max_bytes(max_bytes)
            .lemmas(lemmas)
            .numbers(numbers)
            .entities(entities);
        // A bad date is refused here, not at the first document.
        let pipeline = with_date(&pipeline, date.as_deref())?.into_owned();
        Ok(NativePipeline {
            pipeline,
            offsets,
            date,
        })
    }

    /// `"chars"` or `"bytes"`.
    #[getter]
    fn offsets(&self) -> &'static str {
        self.offsets.as_str()
    }

    /// The anchoring date, "YYYY-MM-DD", or None.
    #[getter]
    fn date(&self) -> Option<String> {
        self.date.clone()
    }

    /// The longest document accepted, in UTF-8 bytes, or None.
    #[getter]
    fn max_bytes(&self) -> Option<usize> {
        self.pipeline.max_bytes_limit()
    }

    /// One document as dicts and lists in the schema; `date` overrides
    /// the pipeline's.
    #[pyo3(signature = (text, date=None))]
    fn annotate<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        date: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let pipeline = with_date(&self.pipeline, date)?;
        let doc = py
            .detach(|| pipeline.try_analyze(text))
            .map_err(|e| py_err(&e))?;
        topy::to_py(
            py,
            &mut topy::Keys::default(),
            &DocumentView::new(&doc, self.offsets),
        )
    }

    /// One document as a JSON line of the schema (no newline).
    #[pyo3(signature = (text, date=None))]
    fn annotate_json(&self, py: Python<'_>, text: &str, date: Option<&str>) -> PyResult<String> {
        let pipeline = with_date(&self.pipeline, date)?;
        let offsets = self.offsets;
        py.detach(|| pipeline.try_analyze(text).map(|doc| to_json(&doc, offsets)))
            .map_err(|e| py_err(&e))
    }

    /// Many documents as dicts, in input order: analysed on `threads`
    /// threads (None: all cores; 1: this thread) with the GIL released,
    /// then converted. `dates`: one date or None per text.
    #[pyo3(signature = (texts, threads=None, dates=None))]
    fn annotate_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        threads: Option<usize>,
        dates: Option<Vec<Option<String>>>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let pool = pool_for(threads)?;
        let list = strings(texts)?;
        let batch = batch(&list, self, dates.as_deref())?;
        let mut keys = topy::Keys::default();
        let offsets = self.offsets;
        let mut convert = |i: usize, r: Result<Document, kazakh::Error>| match r {
            Ok(doc) => topy::to_py(py, &mut keys, &DocumentView::new(&doc, offsets)),
            Err(e) => Err(batch_err(i, &e)),
        };
        let Some(pool) = pool else {
            // One thread: analyse each text without the GIL, then convert.
            return (0..batch.texts.len())
                .map(|i| {
                    let r = py.detach(|| batch.pipeline(i).try_analyze(batch.texts[i]));
                    convert(i, r)
                })
                .collect();
        };
        // Several threads: the pool analyses while this thread converts
        // the documents already done, in input order, holding the GIL only
        // while it converts.
        let n = batch.texts.len();
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Result<Document, kazakh::Error>)>();
        let rx = Mutex::new(rx);
        let mut done: Vec<Option<Result<Document, kazakh::Error>>> = (0..n).map(|_| None).collect();
        let mut out = Vec::with_capacity(n);
        let batch = &batch;
        pool.in_place_scope(|scope| -> PyResult<()> {
            scope.spawn(move |_| {
                batch
                    .texts
                    .par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (i, t)| {
                        let _ = tx.send((i, batch.pipeline(i).try_analyze(t)));
                    })
            });
            for next in 0..n {
                while done[next].is_none() {
                    let got = py.detach(|| rx.lock().unwrap_or_else(|e| e.into_inner()).recv());
                    match got {
                        Ok((i, r)) => done[i] = Some(r),
                        // The analysis stopped (a panic, re-raised when the
                        // scope ends).
                        Err(_) => return Ok(()),
                    }
                }
                if let Some(r) = done[next].take() {
                    out.push(convert(next, r)?);
                }
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Many documents as JSON lines (no newlines), in input order, made on
    /// `threads` threads with the GIL released.
    #[pyo3(signature = (texts, threads=None, dates=None))]
    fn annotate_batch_json(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyList>,
        threads: Option<usize>,
        dates: Option<Vec<Option<String>>>,
    ) -> PyResult<Vec<String>> {
        let pool = pool_for(threads)?;
        let list = strings(texts)?;
        let batch = batch(&list, self, dates.as_deref())?;
        let offsets = self.offsets;
        let lines: Vec<Result<String, kazakh::Error>> =
            py.detach(|| batch.run(pool.as_deref(), |r| r.map(|d| to_json(d, offsets))));
        lines
            .into_iter()
            .enumerate()
            .map(|(i, r)| r.map_err(|e| batch_err(i, &e)))
            .collect()
    }

    /// The analysis alone, without conversion, for measuring what the
    /// conversion costs: the number of tokens of all texts.
    #[pyo3(signature = (texts, threads=None))]
    fn _analyze_only(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyList>,
        threads: Option<usize>,
    ) -> PyResult<usize> {
        let pool = pool_for(threads)?;
        let list = strings(texts)?;
        let batch = batch(&list, self, None)?;
        let counts =
            py.detach(|| batch.run(pool.as_deref(), |r| r.map_or(0, |d| d.tokens().len())));
        Ok(counts.into_iter().sum())
    }
}

/// The module `kazakh._kazakh`.
#[pymodule]
fn _kazakh(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativePipeline>()?;
    m.add("KazakhError", m.py().get_type::<KazakhError>())?;
    m.add("SCHEMA_VERSION", kazakh::schema::SCHEMA_VERSION)?;
    m.add("DEFAULT_MAX_DOC_BYTES", kazakh::DEFAULT_MAX_DOC_BYTES)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
