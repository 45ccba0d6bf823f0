//! `kazakh annotate --format text`: a compact summary per document.

use kazakh::Document;

use super::{entity_counts, number_value, one_line};

/// A compact human summary of the document.
pub fn summary(out: &mut String, doc: &Document, id: &str) {
    out.push_str(&format!("{id}: {}\n", super::counts(doc)));
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
