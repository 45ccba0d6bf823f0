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
        // LEAD: wire kazakh::time::Date here
        // (let d: kazakh::time::Date = s.parse().map_err(|e| py_err(&e))?;
        //  let mut p = pipeline.clone(); p.date(Some(d)); Ok(Cow::Owned(p)))
        Some(_) => Err(PyValueError::new_err(
            "date anchoring needs kazakh::time (not yet merged)",
        )),
    }
}

/// One document as a line of the schema, without the newline.
fn document_json(
    pipeline: &Pipeline,
    text: &str,
    offsets: Offsets,
    doc: &mut Document,
) -> Result<String, kazakh::Error> {
    pipeline.try_analyze_into(text, doc)?;
    let mut buf = Vec::with_capacity(text.len() * 3 + doc.tokens().len() * 96 + 256);
    serde_json::to_writer(&mut buf, &DocumentView::new(doc, offsets))
        .expect("a document view always serializes");
    Ok(String::from_utf8(buf).expect("serde_json writes UTF-8"))
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
        with_date(&pipeline, date.as_deref())?;
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

    /// One document as a JSON line of the schema (no newline); `date`
    /// overrides the pipeline's.
    #[pyo3(signature = (text, date=None))]
    fn annotate_json(&self, py: Python<'_>, text: &str, date: Option<&str>) -> PyResult<String> {
        let date = date.or(self.date.as_deref());
        let pipeline = with_date(&self.pipeline, date)?;
        let offsets = self.offsets;
        py.detach(|| {
            let mut doc = Document::default();
            document_json(&pipeline, text, offsets, &mut doc)
        })
        .map_err(|e| py_err(&e))
    }

    /// Many documents as JSON lines, in input order, on `threads` threads
    /// (None: all cores; 1: this thread) with the GIL released. `dates`,
    /// when given, holds one date or None per text.
    #[pyo3(signature = (texts, threads=None, dates=None))]
    fn annotate_batch_json(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyList>,
        threads: Option<usize>,
        dates: Option<Vec<Option<String>>>,
    ) -> PyResult<Vec<String>> {
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        if let Some(d) = &dates {
            if d.len() != texts.len() {
                return Err(PyValueError::new_err(format!(
                    "{} dates for {} texts",
                    d.len(),
                    texts.len()
                )));
            }
        }
        // The texts stay borrowed from the list's strings, which the list
        // keeps alive: nothing is copied before the analysis.
        let items: Vec<Bound<'_, PyString>> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                t.cast_into::<PyString>()
                    .map_err(|_| PyTypeError::new_err(format!("texts[{i}] is not a str")))
            })
            .collect::<PyResult<_>>()?;
        let strs: Vec<&str> = items.iter().map(|s| s.to_str()).collect::<PyResult<_>>()?;
        // One pipeline per distinct date, made (and checked) before the
        // GIL is released.
        let mut pipelines: Vec<Cow<'_, Pipeline>> = Vec::with_capacity(strs.len());
        match &dates {
            None => {
                let p = with_date(&self.pipeline, self.date.as_deref())?;
                pipelines.push(p);
            }
            Some(ds) => {
                for d in ds {
                    let d = d.as_deref().or(self.date.as_deref());
                    pipelines.push(with_date(&self.pipeline, d)?);
                }
            }
        }
        let offsets = self.offsets;
        let pipeline_of = |i: usize| -> &Pipeline {
            if pipelines.len() == 1 {
                &pipelines[0]
            } else {
                &pipelines[i]
            }
        };
        let results: Vec<Result<String, kazakh::Error>> = if threads == Some(1) {
            py.detach(|| {
                let mut doc = Document::default();
                strs.iter()
                    .enumerate()
                    .map(|(i, t)| document_json(pipeline_of(i), t, offsets, &mut doc))
                    .collect()
            })
        } else {
            let pool = pool(threads)?;
            py.detach(|| {
                pool.install(|| {
                    strs.par_iter()
                        .enumerate()
                        .map_init(Document::default, |doc, (i, t)| {
                            document_json(pipeline_of(i), t, offsets, doc)
                        })
                        .collect()
                })
            })
        };
        results
            .into_iter()
            .enumerate()
            .map(|(i, r)| r.map_err(|e| KazakhError::new_err(format!("texts[{i}]: {e}"))))
            .collect()
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
