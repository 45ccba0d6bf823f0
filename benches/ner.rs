//! Throughput of entity recognition over raw text (tokenizing, sentence
//! splitting and tagging), beside the tokenizer alone, and the time to
//! load the embedded model.
//!
//! Input: the KazQAD Wikipedia passages beside the project when present,
//! else `examples/sample.txt` (or a built-in line), repeated until it is at
//! least 1 MiB.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kazakh::ner::{Model, Recognizer};

mod common;

/// Used only when neither the shared corpus nor the repository sample exists.
const FALLBACK: &str = "Қасым-Жомарт Тоқаев Ақтөбе облысына барды. \
                        Денсаулық сақтау министрлігі Семейде жиын өткізді.\n";

fn bench_ner(c: &mut Criterion) {
    let (text, source) = common::load_corpus(FALLBACK);
    let text = text.as_str();
    let recognizer = Recognizer::embedded().expect("the embedded model parses");
    let entities = recognizer.recognize(text).len();
    eprintln!(
        "input: {source}, {} bytes\ncounts: entities={entities}",
        text.len()
    );
    assert!(entities > 0, "no entities in a {} byte input", text.len());

    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("kazakh_tokenize", |b| {
        b.iter(|| kazakh::tokenize(black_box(text)).count())
    });
    group.bench_function("recognize", |b| {
        b.iter(|| recognizer.recognize(black_box(text)).len())
    });
    // The same in a new thread each time: the per-thread word caches start
    // empty, so every word's first occurrence pays for its morphology,
    // gazetteer look-ups and weight sums (the input is the corpus repeated,
    // so later copies hit the caches).
    group.bench_function("recognize_fresh_thread", |b| {
        b.iter(|| {
            std::thread::scope(|s| {
                s.spawn(|| recognizer.recognize(black_box(text)).len())
                    .join()
                    .expect("the tagging thread finishes")
            })
        })
    });
    group.finish();

    let bytes = recognizer.model().to_bytes();
    c.bench_function("ner_model_load", |b| {
        b.iter(|| Model::from_bytes(black_box(&bytes)).map(|m| m.labels().count()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = bench_ner
}
criterion_main!(benches);
