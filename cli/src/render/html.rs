//! The HTML view of `kazakh annotate --format html`: one self-contained
//! page (inline CSS, no scripts, no network) with a section per document.

use kazakh::ner::Label;
use kazakh::Document;

use super::{entity_counts, number_value};

/// The start of the page, up to the first document.
pub const HEADER: &str = r#"<!DOCTYPE html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kazakh annotate</title>
<style>
body { font: 16px/1.7 system-ui, "Segoe UI", "DejaVu Sans", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #1d232b; background: #fbfbfa; }
h1 { font-size: 1.3em; margin-bottom: .2em; }
.legend span { margin-right: 1em; }
article { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 1em 1.4em; margin: 1.2em 0; }
article h2 { font-size: 1em; color: #5b6570; margin: 0 0 .6em; font-weight: 600; }
.text { white-space: pre-wrap; }
mark.ent { border-radius: 4px; padding: .05em .25em; }
mark.ent .lbl { font-size: .62em; font-weight: 700; letter-spacing: .04em; margin-left: .3em; vertical-align: .15em; opacity: .85; }
mark.PER { background: #ffd9d2; color: #6d1a0c; } mark.PER .lbl { color: #b3341b; }
mark.LOC { background: #cfe9d6; color: #0f4a22; } mark.LOC .lbl { color: #1f7a3c; }
mark.ORG { background: #d6e2fb; color: #12306e; } mark.ORG .lbl { color: #2d5bc2; }
.num { text-decoration: underline 2px #c98a00; text-underline-offset: 3px; cursor: help; }
table.entities { border-collapse: collapse; margin-top: 1em; font-size: .92em; }
table.entities th, table.entities td { text-align: left; padding: .15em .9em .15em 0; }
table.entities td.n { text-align: right; color: #5b6570; }
</style>
</head>
<body>
<h1>kazakh annotate</h1>
<p class="legend"><span><mark class="ent PER">адам<span class="lbl">PER</span></mark></span><span><mark class="ent LOC">жер<span class="lbl">LOC</span></mark></span><span><mark class="ent ORG">ұйым<span class="lbl">ORG</span></mark></span><span><span class="num" title="value">сан</span> (value on hover)</span></p>
"#;

/// The end of the page.
pub const FOOTER: &str = "</body>\n</html>\n";

/// Appends `s` with `& < > " '` escaped.
pub fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn label_name(label: Label) -> &'static str {
    match label {
        Label::Person => "person",
        Label::Location => "place",
        Label::Organization => "organization",
        _ => "entity",
    }
}

/// One `<article>` for the document: its text with entities and numbers
/// marked, then its entities by frequency.
pub fn document(out: &mut String, doc: &Document, id: &str) {
    let text = doc.text();
    // Marks in text order; a number that overlaps an entity is left out.
    enum Mark {
        Entity(usize),
        Number(usize),
    }
    let mut marks: Vec<(usize, usize, Mark)> = doc
        .entities()
        .iter()
        .enumerate()
        .map(|(i, e)| (e.span.start, e.span.end, Mark::Entity(i)))
        .collect();
    for (i, n) in doc.numbers().iter().enumerate() {
        let overlaps = doc
            .entities()
            .iter()
            .any(|e| e.span.start < n.span.end && n.span.start < e.span.end);
        if !overlaps {
            marks.push((n.span.start, n.span.end, Mark::Number(i)));
        }
    }
    marks.sort_by_key(|m| (m.0, m.1));

    out.push_str("<article>\n<h2>");
    escape(out, id);
    out.push_str(&format!(
        " — {}</h2>\n<div class=\"text\">",
        super::counts(doc)
    ));
    let mut at = 0;
    for (start, end, mark) in marks {
        if start < at || end > text.len() {
            continue;
        }
        escape(out, text.get(at..start).unwrap_or(""));
        let inner = text.get(start..end).unwrap_or("");
        match mark {
            Mark::Entity(i) => {
                let e = &doc.entities()[i];
                let label = e.label.as_str();
                out.push_str(&format!(
                    "<mark class=\"ent {label}\" data-label=\"{label}\" title=\"{} ({}): ",
                    label_name(e.label),
                    label
                ));
                escape(out, &e.lemma);
                out.push_str("\">");
                escape(out, inner);
                out.push_str(&format!("<span class=\"lbl\">{label}</span></mark>"));
            }
            Mark::Number(i) => {
                let n = &doc.numbers()[i];
                out.push_str(&format!(
                    "<span class=\"num\" data-kind=\"{}\" title=\"{}: ",
                    n.kind.as_str(),
                    n.kind.as_str()
                ));
                escape(out, &number_value(n));
                out.push_str("\">");
                escape(out, inner);
                out.push_str("</span>");
            }
        }
        at = end;
    }
    escape(out, text.get(at..).unwrap_or(""));
    out.push_str("</div>\n");
    let counts = entity_counts(doc);
    if !counts.is_empty() {
        out.push_str(
            "<table class=\"entities\">\n<tr><th>entity</th><th>type</th><th>mentions</th></tr>\n",
        );
        for (label, name, n) in counts {
            let l = label.as_str();
            out.push_str(&format!("<tr><td><mark class=\"ent {l}\">"));
            escape(out, name);
            out.push_str(&format!(
                "</mark></td><td>{}</td><td class=\"n\">{n}</td></tr>\n",
                label_name(label)
            ));
        }
        out.push_str("</table>\n");
    }
    out.push_str("</article>\n");
}
