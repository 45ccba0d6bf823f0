//! Throughput of the lemmatizer in words per second.
//!
//! Input: the KazQAD Wikipedia passages beside the project when present,
//! else `examples/sample.txt`, else a built-in paragraph; repeated until it
//! is at least 1 MiB, tokenized once; the words (tokens of kind `Word`) are
//! lemmatized in a loop.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kazakh::TokenKind;

mod common;

/// Used only when neither the shared corpus nor the repository sample exists.
const FALLBACK: &str = "\
Қазақстан осы өңірдегі бейбітшілікті қолдайды. Ақтөбе облысының әкімі \
Семейде өткен жиналыста «Ақ жол» партиясынан келген өкілдермен кездесті. \
Еуровидениенің конкурсына қатысушылар 215-інің қатарында болды.
";

fn bench_lemma(c: &mut Criterion) {
    let (text, source) = common::load_corpus(FALLBACK);
    let words: Vec<&str> = kazakh::tokenize(&text)
        .filter(|t| t.kind() == TokenKind::Word)
        .map(|t| t.text())
        .collect();
    let changed = words
        .iter()
        .filter(|w| kazakh::morph::lemma(w) != **w)
        .count();
    eprintln!(
        "input: {source}, {} words, {changed} with a lemma different from the word",
        words.len()
    );
    assert!(changed > 0, "the lemmatizer changed no word");

    let mut group = c.benchmark_group("lemma");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("kazakh::morph::lemma", |b| {
        b.iter(|| {
            let mut bytes = 0usize;
            for w in &words {
                bytes += kazakh::morph::lemma(black_box(w)).len();
            }
            bytes
        })
    });
    group.bench_function("kazakh::morph::split_case", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in &words {
                n += kazakh::morph::split_case(black_box(w)).0;
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench_lemma);
criterion_main!(benches);
