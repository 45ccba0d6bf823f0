//! Compares tokenizers on your own file: `kazakh::tokenize`,
//! `str::split_whitespace` and unicode-segmentation's `unicode_words`,
//! printing tokens, tokens per second and MB per second for each.
//!
//! ```sh
//! cargo run --release --example tokenize_bench [FILE]   # default: examples/sample.txt
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use unicode_segmentation::UnicodeSegmentation;

/// Counts the tokens of a text.
type Counter = dyn Fn(&str) -> usize;

/// Runs `count` over `text` repeatedly for at least half a second; gives
/// the token count and the time of one pass.
fn measure(text: &str, count: impl Fn(&str) -> usize) -> (usize, Duration) {
    let tokens = count(black_box(text));
    let start = Instant::now();
    let mut passes = 0u32;
    while passes < 3 || start.elapsed() < Duration::from_millis(500) {
        black_box(count(black_box(text)));
        passes += 1;
    }
    (tokens, start.elapsed() / passes)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sample.txt").to_owned());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("tokenize_bench: cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let mb = text.len() as f64 / 1e6;
    println!("{path}: {:.2} MB", mb);
    if cfg!(debug_assertions) {
        println!("(debug build: run with --release for meaningful figures)");
    }
    println!(
        "{:<40} {:>10} {:>14} {:>10}",
        "tokenizer", "tokens", "tokens/s", "MB/s"
    );
    let rows: [(&str, &Counter); 4] = [
        ("kazakh::tokenize", &|t| kazakh::tokenize(t).count()),
        ("kazakh::sentences (tokens + sentences)", &|t| {
            kazakh::sentences(t).map(|s| s.tokens().len()).sum()
        }),
        ("str::split_whitespace", &|t| t.split_whitespace().count()),
        ("unicode-segmentation unicode_words", &|t| {
            t.unicode_words().count()
        }),
    ];
    for (name, count) in rows {
        let (tokens, time) = measure(&text, count);
        let secs = time.as_secs_f64().max(1e-12);
        println!(
            "{name:<40} {tokens:>10} {:>14.0} {:>10.1}",
            tokens as f64 / secs,
            mb / secs
        );
    }
}
