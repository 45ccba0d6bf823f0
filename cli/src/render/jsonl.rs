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

/// Appends the document as one line, with `meta` (corpus input) if any.
pub fn document<M: Serialize>(
    out: &mut String,
    doc: &Document,
    offsets: Offsets,
    meta: Option<&M>,
) -> Result<(), String> {
    line(
        out,
        &DocumentView::new(doc, offsets.schema()).with_meta(meta),
    )
}
