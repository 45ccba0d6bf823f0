//! Renderers of analysed text: JSON lines in the library's one schema,
//! CoNLL-U, HTML, a text summary, and the progress line; with the helpers
//! they share.

use kazakh::numbers::{NumberMention, Value};
use kazakh::time::Timex;
use kazakh::{DocNumber, Document};

use crate::io::is_break_or_tab;

pub mod conllu;
pub mod html;
pub mod jsonl;
pub mod progress;
pub mod text;

/// The value with its approximation prefix and unit: `~1000 KZT`; a
/// temporal value with what qualifies it: `XXXX offset=-P1Y`,
/// `2024 mod=start bound=since`.
pub fn number_value(n: &DocNumber) -> String {
    if let Value::Time(t) = n.value {
        return time_value(&t);
    }
    let prefix = n.approx.map_or("", |a| a.prefix());
    match n.unit {
        Some(unit) => format!("{prefix}{} {unit}", n.value),
        None => format!("{prefix}{}", n.value),
    }
}

/// `2024-05-12`, `XXXX offset=-P1Y`, `XXXX-02 nearest=before`, `2024
/// mod=end bound=until`.
fn time_value(t: &Timex) -> String {
    let mut s = t.to_string();
    if let Some(offset) = t.value().offset() {
        s.push_str(&format!(" offset={offset}"));
    }
    if let Some(nearest) = t.value().nearest() {
        s.push_str(" nearest=");
        s.push_str(nearest.as_str());
    }
    if let Some(m) = t.modifier() {
        s.push_str(" mod=");
        s.push_str(m.as_str());
    }
    if let Some(b) = t.bound() {
        s.push_str(" bound=");
        s.push_str(b.as_str());
    }
    s
}

/// `s` on one line: tabs and line breaks become spaces.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if is_break_or_tab(c) { ' ' } else { c })
        .collect()
}

/// A mention's value with its approximation prefix: `1125600000000`,
/// `~1000`, `2024..2029`, `overflow`; a temporal one as [`number_value`]
/// writes it.
pub fn value_text(m: &NumberMention<'_>) -> String {
    if let Value::Time(t) = m.value() {
        return time_value(&t);
    }
    let prefix = m.approx().map_or("", |a| a.prefix());
    format!("{prefix}{}", m.value())
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

/// `N sentences, N tokens, N entities, N numbers`: the counts both the
/// HTML page and the text summary head a document with.
pub fn counts(doc: &kazakh::Document) -> String {
    format!(
        "{} sentences, {} tokens, {} entities, {} numbers",
        doc.sentences().len(),
        doc.tokens().len(),
        doc.entities().len(),
        doc.numbers().len()
    )
}
