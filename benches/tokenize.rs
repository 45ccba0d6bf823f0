//! Throughput of the tokenizer and sentence splitter against common peers.
//!
//! Input: the KazQAD Wikipedia passages beside the project when present,
//! else `examples/sample.txt`, else a built-in paragraph; repeated until it
//! is at least 1 MiB. Every peer's count is checked and printed once before
//! measuring, so a benchmark of an iterator that yields nothing fails loudly.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

mod common;

/// Used only when neither the shared corpus nor the repository sample exists.
const FALLBACK: &str = "\
Астана, 14 қазан. Ұлттық статистика бюросының алдын ала мәліметі бойынша, \
биылғы тоғыз айда елдегі өнеркәсіп өндірісі 4,3%-ға өсті. Ведомство өкілінің \
айтуынша, өсімге тау-кен, құрылыс және көлік салалары айтарлықтай үлес қосқан. \
«Астық экспорты 1,5 млн. тоннадан асады деп күтілуде», — деді ол. Сонымен қатар \
ауыл шаруашылығы, сауда т.б. салаларда да оң үрдіс байқалады. Толық есеп \
https://example.kz/stat/2024?lang=kk сайтында жарияланды; сұрақтарды \
info@example.kz мекенжайына жіберуге болады! Мамандар келесі жылы да (егер \
сыртқы жағдай өзгермесе) өсім сақталады деп болжайды… #экономика @statkz
";

fn word_regex() -> Regex {
    Regex::new(r"\w+(?:[-.,]\w+)*|[^\w\s]").expect("valid regex")
}

fn bench_tokenize(c: &mut Criterion) {
    let (text, source) = common::load_corpus(FALLBACK);
    let text = text.as_str();
    let re = word_regex();

    let tokens = kazakh::tokenize(text).count();
    let sentences = kazakh::sentences(text).count();
    let uax29_words = text.unicode_word_indices().count();
    let uax29_bounds = text.split_word_bounds().count();
    let regex_matches = re.find_iter(text).count();
    let whitespace = text.split_whitespace().count();

    eprintln!(
        "input: {source}, {} bytes\n\
         counts: kazakh::tokenize={tokens} kazakh::sentences={sentences} \
         unicode_word_indices={uax29_words} split_word_bounds={uax29_bounds} \
         regex={regex_matches} split_whitespace={whitespace}",
        text.len()
    );
    for (name, n) in [
        ("kazakh::tokenize", tokens),
        ("kazakh::sentences", sentences),
        ("unicode_word_indices", uax29_words),
        ("split_word_bounds", uax29_bounds),
        ("regex", regex_matches),
        ("split_whitespace", whitespace),
    ] {
        assert!(
            n > 0,
            "{name} produced no items on a {} byte input",
            text.len()
        );
    }
    // Tokens never contain whitespace and cover every other char, so each
    // whitespace-separated chunk holds at least one token; and every sentence
    // holds at least one token.
    assert!(
        tokens >= whitespace,
        "fewer tokens ({tokens}) than whitespace-separated chunks ({whitespace})"
    );
    assert!(
        sentences <= tokens,
        "more sentences ({sentences}) than tokens ({tokens})"
    );

    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("kazakh_tokenize", |b| {
        b.iter(|| kazakh::tokenize(black_box(text)).count())
    });
    group.bench_function("kazakh_sentences", |b| {
        b.iter(|| kazakh::sentences(black_box(text)).count())
    });
    group.bench_function("unicode_word_indices", |b| {
        b.iter(|| black_box(text).unicode_word_indices().count())
    });
    group.bench_function("split_word_bounds", |b| {
        b.iter(|| black_box(text).split_word_bounds().count())
    });
    group.bench_function("regex", |b| {
        b.iter(|| re.find_iter(black_box(text)).count())
    });
    group.bench_function("split_whitespace", |b| {
        b.iter(|| black_box(text).split_whitespace().count())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = bench_tokenize
}
criterion_main!(benches);
