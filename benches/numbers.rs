//! Throughput of the number extractor, beside the tokenizer it builds on.
//!
//! Input: the KazQAD Wikipedia passages beside the project when present,
//! else `examples/sample.txt` (or a built-in line), repeated until it is at
//! least 1 MiB. The counts are printed once before measuring.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod common;

/// Used only when neither the shared corpus nor the repository sample exists.
const FALLBACK: &str = "Құны 1 трлн 125,6 млрд теңге, инфляция 3,2%-ға төмендеді; \
                        екі мың жиырма төртінші жылы 900 мың тонна астық жиналды.\n";

fn bench_numbers(c: &mut Criterion) {
    let (text, source) = common::load_corpus(FALLBACK);
    let text = text.as_str();

    let tokens = kazakh::tokenize(text).count();
    let mentions = kazakh::numbers::extract(text).len();
    eprintln!(
        "input: {source}, {} bytes\ncounts: kazakh::tokenize={tokens} \
         kazakh::numbers::extract={mentions}",
        text.len()
    );
    assert!(tokens > 0, "no tokens in a {} byte input", text.len());

    let mut group = c.benchmark_group("numbers");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("kazakh_tokenize", |b| {
        b.iter(|| kazakh::tokenize(black_box(text)).count())
    });
    group.bench_function("numbers_extract", |b| {
        b.iter(|| kazakh::numbers::extract(black_box(text)).len())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = bench_numbers
}
criterion_main!(benches);
