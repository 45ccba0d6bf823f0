//! The tokenizer's work grows in proportion to its input, even on one 50 MiB
//! line and on long runs of a single token-like pattern.
//!
//! Nothing here measures time. Instead each input is an exact repetition of
//! a short unit, tokenized at three sizes: `n`, `2n` and `50n` units (about
//! 1, 2 and 50 MiB). A scanner whose decisions depend on bounded context
//! yields counts of the form `a·k + b` for `k` units, so the 50 MiB count
//! must equal `c(n) + 49·(c(2n) − c(n))`; for a unit ending in whitespace
//! this is exact. Each input is also checked to be covered up to its end.

use kazakh::{sentences, tokenize};

const MIB: usize = 1 << 20;
const FACTOR: usize = 50;

/// Streaming summary of `tokenize(input)`, without collecting the tokens.
struct Scan {
    tokens: usize,
    /// End of the last token (0 when there is none).
    last_end: usize,
    /// Whether each token starts exactly where the previous one ended and
    /// the first starts at 0 (the tokens tile the input).
    tiled: bool,
}

fn scan(input: &str) -> Scan {
    let mut s = Scan {
        tokens: 0,
        last_end: 0,
        tiled: true,
    };
    for tok in tokenize(input) {
        let span = tok.span();
        assert!(
            span.start >= s.last_end && span.end > span.start,
            "token {:?} out of order or empty (previous end {})",
            span,
            s.last_end
        );
        s.tiled &= span.start == s.last_end;
        s.tokens += 1;
        s.last_end = span.end;
    }
    s
}

/// Units per ~1 MiB input.
fn units_per_mib(unit: &str) -> usize {
    MIB.div_ceil(unit.len())
}

/// The count expected at `FACTOR·n` units from the counts at `n` and `2n`.
fn extrapolate(c1: usize, c2: usize) -> usize {
    assert!(
        c2 >= c1,
        "count decreased from {c1} to {c2} as input doubled"
    );
    c1 + (FACTOR - 1) * (c2 - c1)
}

/// A realistic single-line news sentence pair; ends with a space, has no
/// newline.
const PHRASE: &str = "Ұлттық банк 2024 жылы базалық мөлшерлемені 14,25%-ға дейін \
төмендетті. «Шешім инфляция баяулағандықтан қабылданды», — деп хабарлады \
ведомство (толығырақ: https://example.kz/news?id=42). Сарапшылар бағам, \
несие т.б. көрсеткіштерді де қадағалайды! Келесі отырыс 1,5 айдан кейін өтеді. ";

#[test]
fn single_line_phrase_50_mib_is_linear() {
    assert!(!PHRASE.contains('\n') && PHRASE.ends_with(' '));
    let n = units_per_mib(PHRASE);
    let small = PHRASE.repeat(n);
    let double = PHRASE.repeat(2 * n);
    let big = PHRASE.repeat(FACTOR * n);
    assert!(big.len() >= FACTOR * MIB);

    let (s1, s2, s50) = (scan(&small), scan(&double), scan(&big));
    let chunks = PHRASE.split_whitespace().count();
    assert!(
        s1.tokens >= n * chunks,
        "{} tokens for {} whitespace-separated chunks",
        s1.tokens,
        n * chunks
    );
    assert_eq!(s50.tokens, extrapolate(s1.tokens, s2.tokens));
    assert!(s50.tokens >= FACTOR * n * chunks);
    // The unit ends with whitespace, so nothing crosses unit boundaries and
    // the count is exactly proportional.
    assert_eq!(s50.tokens, FACTOR * s1.tokens);
    assert_eq!(s50.last_end, big.trim_end().len());
    assert_eq!(s1.last_end, small.trim_end().len());

    let count_sentences = |text: &str| {
        let mut count = 0usize;
        let mut last_end = 0usize;
        for s in sentences(text) {
            count += 1;
            last_end = s.span().end;
        }
        (count, last_end)
    };
    let (t1, _) = count_sentences(&small);
    let (t2, _) = count_sentences(&double);
    let (t50, end50) = count_sentences(&big);
    assert!(t1 > 0);
    assert_eq!(t50, extrapolate(t1, t2));
    assert_eq!(end50, big.trim_end().len());
}

/// Tokenizes ~1, ~2 and ~50 MiB of `unit` repeated with no whitespace.
fn check_pattern(unit: &str) {
    assert!(!unit.is_empty() && !unit.contains(char::is_whitespace));
    let n = units_per_mib(unit);
    let small = unit.repeat(n);
    let double = unit.repeat(2 * n);
    let big = unit.repeat(FACTOR * n);
    assert!(big.len() >= FACTOR * MIB);

    let (s1, s2, s50) = (scan(&small), scan(&double), scan(&big));
    for (s, text) in [(&s1, &small), (&s2, &double), (&s50, &big)] {
        assert!(
            s.tokens > 0,
            "no tokens for {} bytes of {unit:?}",
            text.len()
        );
        // No whitespace: the tokens must cover every byte, end to end.
        assert!(s.tiled, "tokens of {unit:?} leave gaps");
        assert_eq!(s.last_end, text.len(), "last token of {unit:?}");
    }
    let expected = extrapolate(s1.tokens, s2.tokens);
    assert!(
        s50.tokens.abs_diff(expected) <= 1,
        "{unit:?}: {} tokens at 50 MiB, expected {expected} ± 1 \
         (from {} at 1 MiB and {} at 2 MiB)",
        s50.tokens,
        s1.tokens,
        s2.tokens
    );
}

#[test]
fn dotted_letters_50_mib() {
    check_pattern("a.");
}

#[test]
fn hyphenated_digits_50_mib() {
    check_pattern("1-");
}

#[test]
fn decimal_commas_50_mib() {
    check_pattern("1,");
}

#[test]
fn guillemets_50_mib() {
    check_pattern("«");
}

#[test]
fn periods_50_mib() {
    check_pattern(".");
}

#[test]
fn at_signs_in_words_50_mib() {
    check_pattern("a@b.");
}

#[test]
fn one_kazakh_letter_word_50_mib() {
    check_pattern("қ");
}

#[test]
fn url_like_run_50_mib() {
    check_pattern("http://a/");
}
