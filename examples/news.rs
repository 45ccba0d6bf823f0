//! Annotates `examples/sample.txt` (or the file given as argument) with the
//! [`kazakh::Pipeline`] and prints its people, places, organizations and
//! figures.
//!
//! ```sh
//! cargo run --example news [FILE]
//! ```

use std::collections::BTreeMap;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sample.txt").to_owned());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("news: cannot read {path}: {e}");
            std::process::exit(2);
        }
    };

    let doc = kazakh::Pipeline::new().analyze(&text);
    println!(
        "{path}: {} sentences, {} tokens",
        doc.sentences().len(),
        doc.tokens().len()
    );

    // Entities by their nominative name, most frequent first.
    let mut names: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for e in doc.entities() {
        *names
            .entry((e.label.as_str(), e.lemma.as_str()))
            .or_default() += 1;
    }
    let mut names: Vec<_> = names.into_iter().collect();
    names.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    println!("\nEntities:");
    for ((label, name), n) in names {
        println!("  {label}  {name}  ×{n}");
    }

    println!("\nFigures:");
    for n in doc.numbers() {
        let unit = n.unit.unwrap_or("");
        let approx = n.approx.map_or("", |a| a.prefix());
        println!(
            "  {:<8} {:<28} {approx}{} {unit}   (bytes {}..{})",
            n.kind.as_str(),
            doc.text_at(n.span),
            n.value,
            n.span.start,
            n.span.end
        );
    }
}
