//! Throughput of the whole pipeline (tokens, sentences, lemmas, numbers and
//! dates, entities) on text it has never seen, beside the tokenizer alone.
//!
//! Input: every distinct paragraph and sentence of the corpora beside the
//! project (`common::unique_prose`: the KazQAD passages, the KazNERD, UD and
//! Apertium sentences), each once, so that nearly every word is new; else
//! `examples/sample.txt`. Each iteration of the cold case runs in a new
//! thread, whose word caches start empty; the warm case runs where the
//! caches hold every word already.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kazakh::{Document, Pipeline};

mod common;

fn analyze_all(pipeline: &Pipeline, docs: &[String]) -> usize {
    let mut doc = Document::default();
    let mut tokens = 0;
    for text in docs {
        pipeline.analyze_into(text, &mut doc);
        tokens += doc.tokens().len() + doc.entities().len() + doc.numbers().len();
    }
    tokens
}

fn bench_pipeline(c: &mut Criterion) {
    let (docs, source) = match common::unique_prose() {
        Some(docs) => (docs, "the distinct prose of ../shared/data"),
        None => {
            let (text, source) = common::load_corpus("Жиын өтті.\n");
            (text.lines().map(str::to_owned).collect(), source)
        }
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    let pipeline = Pipeline::new();
    // Count in a thread of its own, so that the warm case below is the
    // only one to find the caches full.
    let counted = std::thread::scope(|s| {
        s.spawn(|| analyze_all(&pipeline, &docs))
            .join()
            .expect("the counting thread finishes")
    });
    let tokens: usize = docs.iter().map(|d| kazakh::tokenize(d).count()).sum();
    eprintln!(
        "input: {source}: {} documents, {bytes} bytes\ncounts: tokens={tokens} tokens+entities+numbers={counted}",
        docs.len()
    );
    assert!(counted > tokens, "the pipeline found no entity or number");

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("kazakh_tokenize", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| kazakh::tokenize(black_box(d)).count())
                .sum::<usize>()
        })
    });
    group.bench_function("analyze_cold", |b| {
        b.iter(|| {
            std::thread::scope(|s| {
                s.spawn(|| analyze_all(&pipeline, black_box(&docs)))
                    .join()
                    .expect("the analysing thread finishes")
            })
        })
    });
    group.bench_function("analyze_warm", |b| {
        b.iter(|| analyze_all(&pipeline, black_box(&docs)))
    });
    group.finish();
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
