//! JSON lines, every object one of the library's schema views
//! (`kazakh::schema`, `docs/schema.md`): documents of `kazakh annotate`,
//! sentences of `kazakh tokenize`, mentions of `kazakh numbers`, entities
//! of `kazakh ner`.

use kazakh::schema::DocumentView;
use kazakh::Document;
use serde::Serialize;

use crate::io::Offsets;

/// Appends `value` as one line of JSON.
pub fn line<T: Serialize>(out: &mut String, value: &T) -> Result<(), String> {
    let json = serde_json::to_string(value).map_err(|e| format!("cannot write JSON: {e}"))?;
    out.push_str(&json);
    out.push('\n');
    Ok(())
}

/// The document as one line, with `meta` (corpus input) if any, written
/// straight into a buffer of `capacity` bytes: a long document's JSON is
/// not built twice.
pub fn document<M: Serialize>(
    capacity: usize,
    doc: &Document,
    offsets: Offsets,
    meta: Option<&M>,
) -> Result<Vec<u8>, String> {
    let mut buf = Vec::with_capacity(capacity);
    let view = DocumentView::new(doc, offsets.schema()).with_meta(meta);
    serde_json::to_writer(&mut buf, &view).map_err(|e| format!("cannot write JSON: {e}"))?;
    buf.push(b'\n');
    Ok(buf)
}
