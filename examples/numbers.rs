//! Numbers with exact values: `kazakh::numbers::extract` on a few news
//! sentences, or on the file given as argument.
//!
//! ```sh
//! cargo run --example numbers [FILE]
//! ```

use kazakh::numbers::{extract, Value};

const TEXT: &str = "Құны 1 трлн 125,6 млрд теңге болатын жоба 2027-2029 жылдары іске асады. \
                    Инфляция 3,2%-ға төмендеп, 8,6% болды. Зауытта 1 250 адам жұмыс істейді, \
                    мыңнан астам жұмыс орны ашылады. Облыс бойынша 900 мың тонна астық жиналды.";

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("numbers: cannot read {path}: {e}");
            std::process::exit(2);
        }),
        None => TEXT.to_owned(),
    };
    for m in extract(&text) {
        let value = match m.value() {
            Value::Exact(d) => d.to_string(),
            Value::Range { min, max } => format!("{min} – {max}"),
            other => other.to_string(),
        };
        println!(
            "{:<9} {:<30} {}{}{}",
            m.kind().as_str(),
            m.text(),
            m.approx().map_or("", |a| a.prefix()),
            value,
            m.unit().map(|u| format!(" {u}")).unwrap_or_default()
        );
    }
}
