//! Absurd input through every stage: megabytes of one character, one long
//! line without whitespace, deep nesting of quotes and brackets, numbers of
//! 10^4 digits and chains of 10^4 number words, every Unicode scalar value,
//! mixed scripts and control characters.
//!
//! Each input goes through `tokenize`, `sentences`, `normalize`,
//! `numbers::extract`, `morph::lemma` over each token,
//! `ner::Recognizer::recognize` and the `Pipeline` (with normalization),
//! and every span is checked: in order, inside the input, on char
//! boundaries, text equal to the slice.
//!
//! Nothing here measures time (the CI time limit does). Instead each input
//! is a repetition of a unit, run at `k` and `2k` units, and every count
//! and output size (tokens, sentences, mentions, entities, lemma bytes,
//! normalized bytes) must at most double, up to a small constant: work
//! that grows faster than the input would show up as a count that does.
//! The sizes are chosen so that the whole file runs in well under a minute
//! in debug builds; `tokenize` alone is checked at 50 MiB in `linear.rs`,
//! and the 100 MB line through every stage is an ignored test (run it with
//! `cargo test --release --test adversarial -- --ignored`).

use kazakh::ner::Recognizer;
use kazakh::{Pipeline, Span};

const KIB: usize = 1 << 10;
const MIB: usize = 1 << 20;

/// Counts and output sizes of one run of every stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    tokens: usize,
    sentences: usize,
    numbers: usize,
    entities: usize,
    lemma_bytes: usize,
    normalized_bytes: usize,
    doc_tokens: usize,
}

impl Counts {
    fn fields(&self) -> [(&'static str, usize); 7] {
        [
            ("tokens", self.tokens),
            ("sentences", self.sentences),
            ("numbers", self.numbers),
            ("entities", self.entities),
            ("lemma bytes", self.lemma_bytes),
            ("normalized bytes", self.normalized_bytes),
            ("document tokens", self.doc_tokens),
        ]
    }
}

fn check_span(input: &str, span: Span, prev_end: usize, what: &str) {
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "{what} span {span:?} outside {} bytes",
        input.len()
    );
    assert!(
        input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
    assert!(
        span.start >= prev_end,
        "{what} span {span:?} starts before the previous one ends ({prev_end})"
    );
}

/// Which stages to run, cheapest first: the tokenizer-level stages
/// (`tokenize`, `sentences`, `normalize`, `numbers::extract`); with
/// `lemma` over each token; with the recognizer; with the pipeline too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Depth {
    Scan,
    Lemmas,
    Entities,
    Deep,
}

/// Runs every stage over `input`, checking spans, and counts.
fn run(input: &str, depth: Depth) -> Counts {
    let mut c = Counts::default();

    // Tokens: ordered, text = slice, gaps whitespace; lemma of each.
    let mut prev = 0usize;
    for t in kazakh::tokenize(input) {
        let span = t.span();
        check_span(input, span, prev, "token");
        assert!(span.start < span.end, "empty token");
        assert_eq!(t.text(), &input[span.range()]);
        assert!(
            input[prev..span.start].chars().all(char::is_whitespace),
            "non-whitespace left out before {span:?}"
        );
        if depth >= Depth::Lemmas {
            let lemma = kazakh::morph::lemma(t.text());
            assert!(!lemma.is_empty(), "empty lemma of {:?}", t.text());
            c.lemma_bytes += lemma.len();
        }
        c.tokens += 1;
        prev = span.end;
    }
    assert!(input[prev..].chars().all(char::is_whitespace));
    assert!(c.tokens <= input.len());

    // Sentences: ordered, their tokens are the tokens.
    let mut prev = 0usize;
    let mut sentence_tokens = 0usize;
    for s in kazakh::sentences(input) {
        check_span(input, s.span(), prev, "sentence");
        assert_eq!(s.text(), &input[s.span().range()]);
        assert!(!s.tokens().is_empty() && s.tokens().len() <= 10_000);
        sentence_tokens += s.tokens().len();
        prev = s.span().end;
        c.sentences += 1;
    }
    assert_eq!(sentence_tokens, c.tokens, "sentences lose or add tokens");

    // Normalization: the offsets of the normalized text map back inside
    // the original, monotonically (sampled: about 2 000 offsets).
    let n = kazakh::normalize(input);
    let out = n.as_str();
    c.normalized_bytes = out.len();
    let step = (out.len() / 2000).max(1);
    let mut prev = 0usize;
    for o in (0..=out.len()).step_by(step).chain([out.len()]) {
        let back = n.original_offset(o);
        assert!(back <= input.len() && input.is_char_boundary(back));
        assert!(back >= prev, "original_offset decreases at {o}");
        prev = back;
    }
    if !out.is_empty() {
        assert_eq!(n.original_offset(out.len()), input.len());
    }

    // Numbers.
    let mut prev = 0usize;
    for m in kazakh::numbers::extract(input) {
        check_span(input, m.span(), prev, "number");
        assert_eq!(m.text(), &input[m.span().range()]);
        assert!(m.tokens().end <= c.tokens);
        let _ = m.value().to_string();
        prev = m.span().end;
        c.numbers += 1;
    }

    if depth >= Depth::Entities {
        let mut prev = 0usize;
        for e in Recognizer::default().recognize(input) {
            check_span(input, e.span(), prev, "entity");
            assert_eq!(e.text(), &input[e.span().range()]);
            assert!(e.tokens().end <= c.tokens);
            prev = e.span().end;
            c.entities += 1;
        }
    }
    if depth == Depth::Deep {
        let mut p = Pipeline::new();
        p.normalization(true);
        let doc = p.analyze(input);
        // Mapped back through the normalization: starts and ends never
        // decrease (tokens made from one rewritten segment may share it).
        let mut prev = Span::new(0, 0);
        for t in doc.tokens() {
            check_span(input, t.span, prev.start, "document token");
            assert!(t.span.end >= prev.end, "document tokens out of order");
            prev = t.span;
        }
        for e in doc.entities() {
            check_span(input, e.span, 0, "document entity");
        }
        for m in doc.numbers() {
            check_span(input, m.span, 0, "document number");
        }
        c.doc_tokens = doc.tokens().len();
    }
    c
}

/// Runs `unit` repeated `k` and `2k` times and checks that no count more
/// than doubles (up to `slack`).
fn check_scaling(name: &str, unit: &str, k: usize, depth: Depth) -> (Counts, Counts) {
    let small = unit.repeat(k);
    let double = unit.repeat(2 * k);
    let c1 = run(&small, depth);
    let c2 = run(&double, depth);
    // A bounded look-ahead can change a constant number of decisions at
    // the end of the input; a sentence is cut every 10 000 tokens.
    let slack = 8;
    for ((what, a), (_, b)) in c1.fields().into_iter().zip(c2.fields()) {
        assert!(
            b <= 2 * a + slack,
            "{name}: {what} grows faster than the input: {a} for {k} units, {b} for {}",
            2 * k
        );
    }
    (c1, c2)
}

#[test]
fn megabytes_of_one_character() {
    for unit in [
        ".", "-", "«", "»", "(", "7", "\u{301}", "😀", "\u{200F}", "\u{202E}", "қ", "!", "…", "%",
        "\u{0}", "\u{FEFF}", "\u{AD}", "'",
    ] {
        // 1 MiB through the tokenizer-level stages, with lemmas on 128 KiB
        // and 256 KiB, every stage on 8 and 16 KiB.
        run(&unit.repeat(MIB / unit.len()), Depth::Scan);
        let (c1, c2) = check_scaling(unit, unit, 128 * KIB / unit.len(), Depth::Lemmas);
        assert!(c2.tokens >= c1.tokens, "{unit:?}");
        check_scaling(unit, unit, 8 * KIB / unit.len(), Depth::Deep);
    }
}

#[test]
fn one_character_separated_by_spaces() {
    // Here each unit is its own token, so counts are exact.
    for unit in [". ", "« ", "7 ", "😀 ", "\u{301} ", "қ ", "- "] {
        let k = 2 * KIB;
        let (c1, c2) = check_scaling(unit, unit, k, Depth::Deep);
        assert_eq!(c1.tokens, k, "{unit:?}");
        assert_eq!(c2.tokens, 2 * k, "{unit:?}");
    }
}

const NO_SPACE_UNIT: &str = "Астана,Алматы.Тоқаев-2024«ақ»(5%)https://a.kz/x?y=1;";

#[test]
fn long_line_without_whitespace_16_mib() {
    assert!(!NO_SPACE_UNIT.contains(char::is_whitespace));
    let k = 16 * MIB / NO_SPACE_UNIT.len();
    let line = NO_SPACE_UNIT.repeat(k);
    // The tokenizer-level stages on the whole 16 MiB line.
    let big = run(&line, Depth::Scan);
    let one = run(NO_SPACE_UNIT, Depth::Scan);
    assert!(big.tokens > 0 && big.tokens <= one.tokens * k + 1);
    // Lemmas at 256 and 512 KiB, every stage at 32 and 64 KiB.
    let k = 256 * KIB / NO_SPACE_UNIT.len();
    check_scaling("no-space line", NO_SPACE_UNIT, k, Depth::Lemmas);
    check_scaling("no-space line", NO_SPACE_UNIT, k / 8, Depth::Deep);
}

/// The 100 MB line, through every stage. Slow in debug builds:
/// `cargo test --release --test adversarial -- --ignored`.
#[test]
#[ignore]
fn long_line_without_whitespace_100_mb() {
    let k = 100_000_000 / NO_SPACE_UNIT.len() + 1;
    let line = NO_SPACE_UNIT.repeat(k);
    let start = std::time::Instant::now();
    let c = run(&line, Depth::Deep);
    eprintln!(
        "100 MB line: {c:?} in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    assert_eq!(c.doc_tokens, c.tokens);
}

#[test]
fn deeply_nested_quotes_and_brackets() {
    const DEPTH: usize = 100_000;
    for (open, close) in [("«", "»"), ("(", ")"), ("“", "”"), ("[", "]"), ("\"", "\"")] {
        let text = format!("{}Астана{}.", open.repeat(DEPTH), close.repeat(DEPTH));
        // The recognizer and the pipeline on the first kind only.
        let depth = if open == "«" {
            Depth::Deep
        } else {
            Depth::Scan
        };
        let c = run(&text, depth);
        assert_eq!(c.tokens, 2 * DEPTH + 2, "{open}");
    }
    // Alternating kinds, and unbalanced openers and closers.
    let text = "«(“[".repeat(DEPTH / 4) + "сөз" + &"]”)»".repeat(DEPTH / 4);
    run(&text, Depth::Lemmas);
    check_scaling("openers", "«(“[ сөз ", KIB, Depth::Deep);
    check_scaling("closers", "»)”] сөз. ", KIB, Depth::Deep);
}

#[test]
fn numbers_with_ten_thousand_digits() {
    let digits = "1234567890".repeat(1000);
    for text in [
        digits.clone(),
        format!("{digits},5 теңге"),
        format!("0,{digits}%"),
        format!("{digits}-ге дейін"),
        format!("{digits}-{digits}"),
        format!("{}1", "0".repeat(10_000)),
        // Digit groups, which the number reader joins.
        format!("1{} адам", " 000".repeat(10_000)),
    ] {
        let c = run(&text, Depth::Deep);
        assert!(c.numbers >= 1, "{}…", &text[..20]);
    }
    // Many long numbers, and long runs of digit groups: work proportional.
    let unit = format!("{} ", "9".repeat(10_000));
    check_scaling("long numbers", &unit, 16, Depth::Deep);
    check_scaling("digit groups", " 000", 4 * KIB, Depth::Lemmas);
}

#[test]
fn chains_of_ten_thousand_number_words() {
    for unit in [
        "бір ",
        "мың ",
        "жүз ",
        "миллион ",
        "бір жүз мың ",
        "бүтін ",
        "жарым ",
    ] {
        run(&unit.repeat(10_000), Depth::Lemmas);
        check_scaling(unit, unit, 500, Depth::Deep);
    }
    run(&"бір ".repeat(10_000), Depth::Deep);
    let _ = kazakh::numbers::parse_words(&"бір ".repeat(10_000));
    let _ = kazakh::numbers::parse_words(&"мың ".repeat(10_000));
}

/// Every Unicode scalar value, in chunks of 4 096 characters, as is and
/// with a space after every seventh character.
#[test]
fn every_unicode_scalar_value() {
    let all: Vec<char> = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
    assert_eq!(all.len(), 0x110000 - 0x800);
    let mut total_tokens = 0usize;
    for (i, chunk) in all.chunks(4096).enumerate() {
        let plain: String = chunk.iter().collect();
        let spaced: String = chunk
            .chunks(7)
            .map(|c| c.iter().collect::<String>() + " ")
            .collect();
        // Every stage on the first chunks (Latin, Greek, Cyrillic, the
        // combining marks, Arabic, Indic scripts), lemmas on the rest of
        // the basic plane, the tokenizer-level stages beyond it.
        let depth = match i {
            0..=3 => Depth::Deep,
            4..=15 => Depth::Lemmas,
            _ => Depth::Scan,
        };
        total_tokens += run(&plain, depth).tokens;
        run(&spaced, depth);
    }
    assert!(total_tokens > 0);
}

#[test]
fn mixed_scripts_and_control_characters() {
    let unit = "Қазақ\u{0}\u{7}English\u{1B}[31mРусский\u{8}\u{7F}العربية\u{200F}עברית\u{202E}\
                中文\u{FFFD}\u{E000}हिन्दी\u{0301}\u{200D}👨‍👩‍👧\u{FE0F}🇰🇿\u{1F3FD}\r\u{85}\u{2028}\
                5\u{0660}\u{0967}%\u{AD}-\u{2060}ғ\u{0}";
    run(unit, Depth::Deep);
    check_scaling("mixed", unit, 256, Depth::Deep);
    let spaced = unit.chars().flat_map(|c| [c, ' ']).collect::<String>();
    check_scaling("mixed, spaced", &spaced, 64, Depth::Deep);
    check_scaling("mixed, lemmas", unit, 2 * KIB, Depth::Lemmas);
    // Lone combining marks and joiners at the start of words and text.
    check_scaling("marks", "\u{301}\u{200D}ә ", 2 * KIB, Depth::Deep);
}
