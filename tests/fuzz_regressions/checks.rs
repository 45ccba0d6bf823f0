//! Invariant checks shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`,
//! which include this file with `#[path]`) and by the regression test
//! `tests/fuzz_regressions.rs`, which feeds every saved input in
//! `tests/fuzz_regressions/<target>/` to the check of the same name.
//!
//! Each check panics (an `assert!`) when an invariant of the public API
//! does not hold; a panic inside the library is a finding as well.
#![allow(dead_code)]

use kazakh::morph;
use kazakh::ner::{self, Model, Recognizer};
use kazakh::normalize::Normalizer;
use kazakh::numbers::{self, Value};
use kazakh::{Pipeline, Span, Token, TokenKind};

/// The text of a fuzz input: lossy UTF-8, so that every input reaches the
/// library.
pub fn text_of(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

fn assert_span(input: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "{what} span {span:?} outside the input ({} bytes)",
        input.len()
    );
    assert!(
        input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}

/// Tokens: in order, non-empty, on char boundaries, text = slice, no
/// whitespace inside except UD's multiword units, and the gaps between
/// them (and before the first and after the last) are whitespace only, so
/// the tokens and the gaps rebuild the input.
pub fn check_tokens(input: &str) -> Vec<Token<'_>> {
    let tokens: Vec<Token<'_>> = kazakh::tokenize(input).collect();
    let mut rebuilt = String::with_capacity(input.len());
    let mut prev = 0usize;
    for t in &tokens {
        let span = t.span();
        assert_span(input, span, "token");
        assert!(
            span.start >= prev,
            "token {span:?} before previous end {prev}"
        );
        assert!(span.start < span.end, "empty token at {span:?}");
        assert_eq!(t.text(), &input[span.range()], "token text != slice");
        let gap = &input[prev..span.start];
        assert!(
            gap.chars().all(char::is_whitespace),
            "non-whitespace {gap:?} between tokens at {prev}..{}",
            span.start
        );
        if t.text().chars().any(char::is_whitespace) {
            let parts: Vec<&str> = t.text().split(' ').collect();
            assert!(
                t.kind() == TokenKind::Word
                    && parts.len() >= 2
                    && parts
                        .iter()
                        .all(|p| !p.is_empty() && !p.contains(char::is_whitespace)),
                "token {:?} contains whitespace",
                t.text()
            );
        }
        rebuilt.push_str(gap);
        rebuilt.push_str(t.text());
        prev = span.end;
    }
    let tail = &input[prev..];
    assert!(
        tail.chars().all(char::is_whitespace),
        "trailing non-whitespace {tail:?} at {prev}"
    );
    rebuilt.push_str(tail);
    assert_eq!(rebuilt, input, "tokens and gaps do not rebuild the input");
    // Deterministic.
    let again: Vec<Token<'_>> = kazakh::tokenize(input).collect();
    assert_eq!(again, tokens, "tokenize is not deterministic");
    tokens
}

/// Sentences: ordered, non-empty, spans from their first to their last
/// token, text = slice, and their tokens are exactly `tokenize(input)`.
pub fn check_sentences(input: &str) {
    let expected = check_tokens(input);
    let mut flat: Vec<Token<'_>> = Vec::with_capacity(expected.len());
    let mut prev = 0usize;
    for s in kazakh::sentences(input) {
        let span = s.span();
        let toks = s.tokens();
        assert_span(input, span, "sentence");
        assert!(!toks.is_empty(), "sentence without tokens at {span:?}");
        assert!(
            toks.len() <= 10_000,
            "sentence of {} tokens exceeds MAX_SENTENCE_TOKENS",
            toks.len()
        );
        assert!(
            span.start >= prev,
            "sentence {span:?} before previous end {prev}"
        );
        assert_eq!(span.start, toks[0].span().start, "sentence start");
        assert_eq!(span.end, toks[toks.len() - 1].span().end, "sentence end");
        assert_eq!(s.text(), &input[span.range()], "sentence text != slice");
        prev = span.end;
        flat.extend_from_slice(toks);
    }
    assert_eq!(flat, expected, "sentence tokens differ from tokenize()");
}

fn assert_boundary_monotone(
    text: &str,
    offsets: impl Iterator<Item = usize>,
    target: &str,
    map: impl Fn(usize) -> usize,
    what: &str,
) {
    let mut prev = 0usize;
    for o in offsets {
        let m = map(o);
        assert!(
            m <= target.len() && target.is_char_boundary(m),
            "{what}({o}) = {m} not a char boundary (target {} bytes, source {} bytes)",
            target.len(),
            text.len()
        );
        assert!(m >= prev, "{what} decreases: {what}({o}) = {m} < {prev}");
        prev = m;
    }
}

/// The normalizer with the steps chosen by the four low bits of `flags`.
pub fn normalizer_of(flags: u8) -> Normalizer {
    let mut n = Normalizer::new();
    n.lookalikes(flags & 1 != 0)
        .punctuation(flags & 2 != 0)
        .invisible(flags & 4 != 0)
        .nfc(flags & 8 != 0);
    n
}

/// Normalization with one set of steps: the result is borrowed only when
/// unchanged, the offset maps are monotone, land on char boundaries, send
/// the ends to the ends and clamp, and the spans of the normalized text's
/// tokens and sentences map back inside the original, in order.
pub fn check_normalize_with(input: &str, normalizer: &Normalizer) {
    let n = normalizer.normalize(input);
    let out = n.as_str();
    assert_eq!(n.original(), input);
    if n.is_borrowed() {
        assert_eq!(out, input, "borrowed but different");
    }
    // Offsets, every byte position (also inside characters) and beyond.
    let norm_len = out.len();
    let orig_len = input.len();
    assert_boundary_monotone(
        out,
        0..=norm_len + 3,
        input,
        |o| n.original_offset(o),
        "original_offset",
    );
    assert_boundary_monotone(
        input,
        0..=orig_len + 3,
        out,
        |o| n.normalized_offset(o),
        "normalized_offset",
    );
    assert_eq!(n.original_offset(0), 0);
    // The ends go to the ends (when everything was removed, 0 maps to 0).
    if norm_len > 0 {
        assert_eq!(n.original_offset(norm_len), orig_len);
    }
    assert_eq!(n.normalized_offset(0), 0);
    assert_eq!(n.normalized_offset(orig_len), norm_len);
    // Spans of the normalized text's tokens and sentences map back inside
    // the original, in order: starts and ends never decrease. (Neighbours
    // made from one rewritten segment, e.g. by NFC, may share characters
    // of the original, so the mapped spans may overlap.)
    let mut prev = Span::new(0, 0);
    for t in kazakh::tokenize(out) {
        let back = n.original_span(t.span());
        assert_span(input, back, "original_span of a token");
        assert!(
            back.start < back.end,
            "token {:?} maps to an empty span",
            t.text()
        );
        assert!(
            back.start >= prev.start && back.end >= prev.end,
            "mapped token spans out of order: {prev:?} then {back:?}"
        );
        prev = back;
    }
    let mut prev = Span::new(0, 0);
    for s in kazakh::sentences(out) {
        let back = n.original_span(s.span());
        assert_span(input, back, "original_span of a sentence");
        assert!(
            back.start >= prev.start && back.end >= prev.end,
            "mapped sentence spans out of order: {prev:?} then {back:?}"
        );
        prev = back;
    }
    // Arbitrary (even absurd) spans are clamped.
    for (a, b) in [
        (0, usize::MAX),
        (usize::MAX, usize::MAX),
        (norm_len, 0),
        (1, 2),
    ] {
        let back = n.original_span(Span::new(a, b));
        assert_span(input, back, "original_span of an absurd span");
    }
    let _ = n.to_string();
    let _ = n.clone().into_cow();
    let _ = n.into_string();
}

/// Normalization with every step, then with the steps chosen by the first
/// byte of the input.
pub fn check_normalize(data: &[u8]) {
    let flags = data.first().copied().unwrap_or(0);
    let input = text_of(data.get(1..).unwrap_or(&[]));
    check_normalize_with(&input, &Normalizer::new());
    check_normalize_with(&input, &normalizer_of(flags));
    let _ = kazakh::normalize(&input);
}

/// Number mentions: ordered, on token boundaries of the input, text =
/// slice, token ranges inside the token list; `parse_words` and
/// `extract_tokens` do not panic and keep spans inside their input.
pub fn check_numbers(input: &str) {
    let tokens: Vec<Token<'_>> = kazakh::tokenize(input).collect();
    let mentions = numbers::extract(input);
    let mut prev = 0usize;
    for m in &mentions {
        let span = m.span();
        assert_span(input, span, "number");
        assert!(span.start < span.end, "empty number mention at {span:?}");
        assert!(
            span.start >= prev,
            "number mentions overlap or are out of order"
        );
        assert_eq!(m.text(), &input[span.range()], "number text != slice");
        let r = m.tokens();
        assert!(
            r.start < r.end && r.end <= tokens.len(),
            "number token range {r:?} outside {} tokens",
            tokens.len()
        );
        assert_eq!(span.start, tokens[r.start].span().start, "number start");
        assert_eq!(span.end, tokens[r.end - 1].span().end, "number end");
        if let Value::Range { min, max } = m.value() {
            let _ = (min.to_string(), max.to_string());
        }
        let _ = (
            m.value().to_string(),
            m.kind().as_str(),
            m.unit(),
            m.approx(),
        );
        prev = span.end;
    }
    // Pre-tokenized input.
    let words: Vec<&str> = tokens.iter().map(|t| t.text()).collect();
    let joined = numbers::join_tokens(&words);
    for m in numbers::extract_tokens(&words, &joined) {
        assert_span(&joined, m.span(), "extract_tokens number");
        assert_eq!(m.text(), &joined[m.span().range()]);
        assert!(m.tokens().end <= words.len());
    }
    // extract_tokens with a `joined` that does not match: no panic.
    let _ = numbers::extract_tokens(&words, "");
    let _ = numbers::extract_tokens(&words, input);
    // Words alone.
    if let Some(d) = numbers::parse_words(input) {
        let _ = (d.to_string(), d.to_f64(), d.parts());
    }
    for w in input.split_whitespace().take(64) {
        let _ = numbers::parse_words(w);
        let _ = numbers::Decimal::parse(w);
    }
}

/// Morphology on the whole input and on each token: at least one reading,
/// stems are prefixes, stem + suffixes spell the word, confidences in
/// 0..=1, `split_case` on a char boundary, `lemma` and `nominative` do
/// not panic and are deterministic.
pub fn check_morph_word(word: &str) {
    let readings = morph::analyze(word);
    assert!(!readings.is_empty(), "no reading for {word:?}");
    for a in &readings {
        assert!(
            word.starts_with(a.stem),
            "stem {:?} not a prefix of {word:?}",
            a.stem
        );
        let mut spelled = String::from(a.stem);
        for s in &a.suffixes {
            spelled.push_str(s.text);
        }
        // A text with a space (UD's multiword tokens, `келген жоқ`,
        // `пайда болды да`) is analysed by its head: the stem holds the
        // words before it, and the auxiliaries and particles after it are
        // left out, so the spelling stops at a space.
        let whole_words = word.starts_with(spelled.as_str())
            && (spelled.len() == word.len() || word[spelled.len()..].starts_with(' '));
        assert!(
            whole_words,
            "stem and suffixes {spelled:?} do not spell {word:?} up to a word's end"
        );
        assert!(
            (0.0..=1.0).contains(&a.confidence),
            "confidence {} of {word:?}",
            a.confidence
        );
        let _ = a.case();
    }
    let l = morph::lemma(word);
    assert_eq!(
        morph::lemma(word),
        l,
        "lemma not deterministic for {word:?}"
    );
    if !word.is_empty() {
        assert!(!l.is_empty(), "empty lemma for {word:?}");
    }
    let (at, _case) = morph::split_case(word);
    assert!(
        at <= word.len() && word.is_char_boundary(at),
        "split_case({word:?}) = {at} not a char boundary"
    );
}

pub fn check_morph(input: &str) {
    // Whole input as one "word" (limited: analysis is per word).
    if input.len() <= 256 {
        check_morph_word(input);
    }
    let words: Vec<&str> = kazakh::tokenize(input)
        .map(|t| t.text())
        .take(200)
        .collect();
    for w in &words {
        check_morph_word(w);
    }
    let _ = ner::nominative(&words);
    let raw: Vec<&str> = input.split(' ').take(64).collect();
    let _ = ner::nominative(&raw);
    let _ = ner::nominative(&[]);
    let _ = ner::nominative(&[input]);
}

/// The recognizer's entities: ordered, on char boundaries, text = slice,
/// token ranges inside the text's tokens and matching their spans, scores
/// in 0..=1.
pub fn check_entities(recognizer: &Recognizer, input: &str) {
    let tokens: Vec<Token<'_>> = kazakh::tokenize(input).collect();
    let mut prev = 0usize;
    for e in recognizer.recognize(input) {
        let span = e.span();
        assert_span(input, span, "entity");
        assert!(span.start < span.end, "empty entity");
        assert!(span.start >= prev, "entities out of order");
        assert_eq!(e.text(), &input[span.range()], "entity text != slice");
        let r = e.tokens();
        assert!(
            r.start < r.end && r.end <= tokens.len(),
            "entity tokens {r:?}"
        );
        assert_eq!(span.start, tokens[r.start].span().start);
        assert_eq!(span.end, tokens[r.end - 1].span().end);
        assert!(
            e.score().is_finite() && (0.0..=1.0).contains(&e.score()),
            "entity score {}",
            e.score()
        );
        let _ = (e.label().as_str(), e.lemma());
        prev = span.end;
    }
    let words: Vec<&str> = tokens.iter().map(|t| t.text()).take(300).collect();
    let tags = recognizer.tag(&words);
    assert_eq!(tags.len(), words.len());
    assert_eq!(recognizer.iob2(&words).len(), words.len());
    let joined = words.join(" ");
    for e in recognizer.recognize_tokens(&words) {
        assert_span(&joined, e.span(), "recognize_tokens entity");
        assert_eq!(e.text(), &joined[e.span().range()]);
        assert!(e.tokens().end <= words.len());
    }
}

/// The char offset of every byte offset of a text (a char boundary's, or
/// the one before for a byte inside a char), counted once, so that the
/// checks of a long document stay linear: counting from the start for
/// every span made the check itself quadratic on inputs of a megabyte.
struct CharTable(Vec<usize>);

impl CharTable {
    fn new(text: &str) -> CharTable {
        let mut at = Vec::with_capacity(text.len() + 1);
        let mut chars = 0;
        for (i, _) in text.char_indices() {
            while at.len() < i {
                at.push(chars - 1);
            }
            at.push(chars);
            chars += 1;
        }
        while at.len() <= text.len() {
            at.push(chars);
        }
        at.truncate(text.len() + 1);
        CharTable(at)
    }

    fn span(&self, span: Span) -> Span {
        Span::new(self.0[span.start], self.0[span.end])
    }
}

/// A pipeline document: the text is the input; tokens ordered, on char
/// boundaries, with char spans that match; sentences tile the tokens;
/// numbers and entities inside the text and the token list; every token
/// has a lemma. Without normalization the tokens are `tokenize(input)`.
pub fn check_document(pipeline: &Pipeline, input: &str, normalized: bool) {
    let doc = pipeline.analyze(input);
    assert_eq!(doc.text(), input);
    let char_table = CharTable::new(input);
    let char_span = |_: &str, span: Span| char_table.span(span);
    let toks = doc.tokens();
    let mut prev = Span::new(0, 0);
    for t in toks {
        assert_span(input, t.span, "document token");
        if normalized {
            // Mapped back through the normalization: in order, possibly
            // sharing characters of one rewritten segment.
            assert!(
                t.span.start >= prev.start && t.span.end >= prev.end,
                "document tokens out of order: {prev:?} then {:?}",
                t.span
            );
        } else {
            assert!(t.span.start >= prev.end, "document tokens out of order");
            assert!(t.span.start < t.span.end, "empty document token");
        }
        assert_eq!(t.chars, char_span(input, t.span), "token char span");
        assert!(doc.lemma(t).is_some(), "token without lemma");
        assert_eq!(doc.token_text(t), &input[t.span.range()]);
        prev = t.span;
    }
    if !normalized {
        let plain: Vec<Span> = kazakh::tokenize(input).map(|t| t.span()).collect();
        let got: Vec<Span> = toks.iter().map(|t| t.span).collect();
        assert_eq!(got, plain, "document tokens differ from tokenize()");
    }
    let mut next = 0usize;
    let mut prev = Span::new(0, 0);
    for s in doc.sentences() {
        assert_span(input, s.span, "document sentence");
        assert!(
            s.span.start >= prev.start && s.span.end >= prev.end,
            "document sentences out of order"
        );
        if !normalized {
            assert!(s.span.start >= prev.end, "document sentences overlap");
        }
        assert_eq!(s.tokens.start, next, "sentences do not tile the tokens");
        assert!(s.tokens.start < s.tokens.end && s.tokens.end <= toks.len());
        assert_eq!(s.chars, char_span(input, s.span), "sentence char span");
        assert_eq!(doc.sentence_tokens(s).len(), s.tokens.len());
        next = s.tokens.end;
        prev = s.span;
    }
    assert_eq!(next, toks.len(), "sentences do not cover every token");
    for n in doc.numbers() {
        assert_span(input, n.span, "document number");
        assert!(n.tokens.start < n.tokens.end && n.tokens.end <= toks.len());
        assert_eq!(n.chars, char_span(input, n.span), "number char span");
        let _ = doc.text_at(n.span);
    }
    for e in doc.entities() {
        assert_span(input, e.span, "document entity");
        assert!(e.tokens.start < e.tokens.end && e.tokens.end <= toks.len());
        assert_eq!(e.chars, char_span(input, e.span), "entity char span");
        assert!((0.0..=1.0).contains(&e.score), "entity score {}", e.score);
    }
    // Reusing a document gives the same result (checked once per input:
    // the recognizer is the slow part).
    if normalized {
        return;
    }
    let mut reused = kazakh::Document::default();
    pipeline.analyze_into("Алдыңғы мәтін: Астана, 5 адам.", &mut reused);
    pipeline.analyze_into(input, &mut reused);
    assert_eq!(reused, doc, "analyze_into differs from analyze");
}

/// The whole pipeline, without and with normalization (the first byte
/// chooses the normalization steps), and the recognizer on its own.
pub fn check_pipeline(data: &[u8]) {
    let flags = data.first().copied().unwrap_or(0);
    let input = text_of(data.get(1..).unwrap_or(&[]));
    let mut p = Pipeline::new();
    check_document(&p, &input, false);
    p.normalizer(normalizer_of(flags));
    check_document(&p, &input, true);
    check_entities(&Recognizer::default(), &input);
}

/// FNV-1a 64, the model file's checksum.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// Model loading from arbitrary bytes: `from_bytes` gives `Ok` or an
/// error of kind `Model`, never a panic; the same with the checksum
/// repaired (so the fuzzer gets past it). A model that loads writes back
/// to bytes that load to the same model, and tags text without panicking.
pub fn check_model(data: &[u8]) {
    let mut inputs = vec![data.to_vec()];
    if data.len() >= 16 {
        let mut fixed = data.to_vec();
        let body = fixed.len() - 8;
        let sum = fnv1a(&fixed[..body]);
        fixed[body..].copy_from_slice(&sum.to_le_bytes());
        inputs.push(fixed);
    }
    for bytes in inputs {
        match Model::from_bytes(&bytes) {
            Err(e) => {
                // A whole file of another feature set (a fuzzed one whose
                // checksum was fixed above) is refused as such.
                assert!(
                    matches!(
                        e.kind(),
                        kazakh::ErrorKind::Model | kazakh::ErrorKind::FeatureSet
                    ),
                    "error kind of {e}"
                );
                assert!(!e.to_string().contains('\n'), "multi-line error {e}");
            }
            Ok(model) => {
                let again = Model::from_bytes(&model.to_bytes()).expect("round trip");
                assert_eq!(again.to_bytes(), model.to_bytes(), "round trip differs");
                let _ = model.labels().count();
                let r = Recognizer::new(model);
                check_entities(
                    &r,
                    "Қасым-Жомарт Тоқаев 2024 жылы Астанаға келді. «Ақ жол» партиясы.",
                );
                let mut p = Pipeline::new();
                p.recognizer(r);
                check_document(&p, "Тоқаев Алматыда 5 млн теңге бөлді.", false);
            }
        }
    }
    let _ = Model::from_reader(data);
}

/// A check by target name, for the regression test.
pub fn check_target(target: &str, data: &[u8]) {
    match target {
        "tokenize" => {
            check_tokens(&text_of(data));
        }
        "sentences" => check_sentences(&text_of(data)),
        "normalize" => check_normalize(data),
        "numbers" => check_numbers(&text_of(data)),
        "morph" => check_morph(&text_of(data)),
        "pipeline" => check_pipeline(data),
        "model" => check_model(data),
        other => panic!("no check for target {other:?}"),
    }
}
