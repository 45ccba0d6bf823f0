//! Property tests for the documented invariants of `tokenize` and
//! `sentences`, on realistic Kazakh-like mixes and on arbitrary Unicode.

use kazakh::{sentences, tokenize, Token, TokenKind};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;

// ---------------------------------------------------------------------------
// Invariant checkers
// ---------------------------------------------------------------------------

/// Checks every documented token invariant for `input`.
fn check_tokens(input: &str) -> Result<(), TestCaseError> {
    let mut prev_end = 0usize;
    for tok in tokenize(input) {
        let span = tok.span();
        let text = tok.text();
        prop_assert!(
            span.start >= prev_end,
            "token {:?} at {:?} starts before the previous token ends ({}) in {:?}",
            text,
            span,
            prev_end,
            input
        );
        prop_assert!(
            span.start < span.end,
            "empty token at {:?} in {:?}",
            span,
            input
        );
        prop_assert!(
            span.end <= input.len(),
            "token span {:?} past end of input ({}) in {:?}",
            span,
            input.len(),
            input
        );
        prop_assert!(
            input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
            "token span {:?} not on char boundaries in {:?}",
            span,
            input
        );
        prop_assert_eq!(text, &input[span.range()], "token text != input[span]");
        prop_assert!(!text.is_empty(), "empty token text in {:?}", input);
        // The one documented exception: UD Kazakh's multiword units
        // (`келген жоқ`, `деген екен`) are Word tokens whose parts are
        // separated by exactly one U+0020, each later part a form of
        // жоқ / емес / екен.
        if text.chars().any(char::is_whitespace) {
            let parts: Vec<&str> = text.split(' ').collect();
            prop_assert!(
                tok.kind() == TokenKind::Word
                    && parts.len() >= 2
                    && parts
                        .iter()
                        .all(|p| !p.is_empty() && !p.contains(char::is_whitespace))
                    && parts[1..].iter().all(|p| p.starts_with("жоқ")
                        || p.starts_with("емес")
                        || p.starts_with("екен")),
                "token {:?} at {:?} contains whitespace in {:?}",
                text,
                span,
                input
            );
        }
        let gap = &input[prev_end..span.start];
        prop_assert!(
            gap.chars().all(char::is_whitespace),
            "non-whitespace {:?} at {}..{} not covered by any token in {:?}",
            gap,
            prev_end,
            span.start,
            input
        );
        prev_end = span.end;
    }
    let tail = &input[prev_end..];
    prop_assert!(
        tail.chars().all(char::is_whitespace),
        "trailing non-whitespace {:?} at {}.. not covered by any token in {:?}",
        tail,
        prev_end,
        input
    );
    Ok(())
}

/// Checks every documented sentence invariant for `input`.
fn check_sentences(input: &str) -> Result<(), TestCaseError> {
    let expected: Vec<Token<'_>> = tokenize(input).collect();
    let mut flattened: Vec<Token<'_>> = Vec::with_capacity(expected.len());
    let mut prev_end = 0usize;
    for sentence in sentences(input) {
        let toks = sentence.tokens();
        let span = sentence.span();
        prop_assert!(!toks.is_empty(), "sentence without tokens in {:?}", input);
        prop_assert!(
            !sentence.text().is_empty(),
            "empty sentence text in {:?}",
            input
        );
        let first = toks[0].span();
        let last = toks[toks.len() - 1].span();
        prop_assert_eq!(
            span.start,
            first.start,
            "sentence start != first token start"
        );
        prop_assert_eq!(span.end, last.end, "sentence end != last token end");
        prop_assert!(
            span.start >= prev_end,
            "sentence at {:?} overlaps or precedes the previous one (ending {}) in {:?}",
            span,
            prev_end,
            input
        );
        prop_assert!(
            span.end <= input.len()
                && input.is_char_boundary(span.start)
                && input.is_char_boundary(span.end),
            "sentence span {:?} invalid for {:?}",
            span,
            input
        );
        prop_assert_eq!(
            sentence.text(),
            &input[span.range()],
            "sentence text != input[span]"
        );
        for t in toks {
            prop_assert!(
                span.start <= t.span().start && t.span().end <= span.end,
                "token {:?} outside its sentence {:?}",
                t.span(),
                span
            );
        }
        prev_end = span.end;
        flattened.extend_from_slice(toks);
    }
    prop_assert_eq!(
        flattened,
        expected,
        "sentences' tokens differ from tokenize() for {:?}",
        input
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

const PUNCT: &[&str] = &[
    ",", ".", "%", "-", "«", "»", "“", "”", "(", ")", "…", "!", "?", "@", "#", "/", ":", ";", "—",
    "–", "'", "’", "\"", "...", "?!", "₸", "$", "+", "=", "*", "№",
];

/// Characters for which `char::is_whitespace` holds, incl. less common ones.
const WHITESPACE: &[&str] = &[
    " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u{a0}", "\u{2009}", "\u{202f}", "\u{3000}",
    "\u{2028}", "\u{85}", "\u{b}", "\u{c}",
];

/// Fragments of addresses, abbreviations and affixes.
const FRAGMENTS: &[&str] = &[
    "https://",
    "http://",
    "www.",
    ".kz",
    ".com",
    "/news/",
    "?id=",
    "&",
    "=",
    "mail.ru",
    "@gmail.com",
    "т.б.",
    "келген жоқ",
    "болған емес",
    "деген екен",
    "айтады екенсің",
    "т.с.с.",
    "млн.",
    "млрд.",
    "Н.Ә.",
    "ж.",
    "-ға",
    "-нің",
    "-жылы",
    "%-ға",
    "'",
];

/// Characters that are not whitespace but are easy to mishandle.
const TRICKY: &[&str] = &[
    "\u{200b}",
    "\u{feff}",
    "\u{301}",
    "\u{200d}",
    "\u{ad}",
    "\u{0}",
    "\u{7f}",
    "😀",
    "👍🏽",
    "👩‍👩‍👧",
    "🇰🇿",
    "\u{fffd}",
    "ё",
    "Ә",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[а-яәғқңөұүһі]{1,9}",
        2 => "[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]{0,8}",
        1 => "[A-Za-z]{1,6}",
    ]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,6}",
        "[0-9]{1,3}[.,][0-9]{1,3}",
        "[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{2,4}",
    ]
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => word(),
        2 => number(),
        4 => select(PUNCT).prop_map(str::to_owned),
        5 => select(WHITESPACE).prop_map(str::to_owned),
        2 => select(FRAGMENTS).prop_map(str::to_owned),
        1 => select(TRICKY).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Realistic mixes of Kazakh words, numbers, punctuation, URL fragments and
/// whitespace, with the occasional arbitrary character.
fn realistic() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..48).prop_map(|pieces| pieces.concat())
}

fn config() -> ProptestConfig {
    // Default case count (256, or PROPTEST_CASES); no regression files are
    // written into the source tree.
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn tokens_realistic(input in realistic()) {
        check_tokens(&input)?;
    }

    #[test]
    fn tokens_arbitrary(input in any::<String>()) {
        check_tokens(&input)?;
    }

    #[test]
    fn sentences_realistic(input in realistic()) {
        check_sentences(&input)?;
    }

    #[test]
    fn sentences_arbitrary(input in any::<String>()) {
        check_sentences(&input)?;
    }
}

// ---------------------------------------------------------------------------
// Fixed edge cases (run through the same checkers)
// ---------------------------------------------------------------------------

const EDGE_CASES: &[&str] = &[
    "",
    " ",
    "\n\t\u{a0}\u{3000}",
    ".",
    "…",
    "«««",
    "»»»",
    "...",
    "?!",
    "Сәлем, әлем!",
    "Қазақстан\u{a0}Республикасы",
    "5,1%-ға өсті.",
    "т.б. млн. Н.Ә. Серікұлы",
    "«Сөз» (сөйлем).",
    "https://example.kz/a?b=c, http://x.",
    "info@example.kz.",
    "@user #тег",
    "\u{301}а",
    "\u{feff}Сәлем",
    "a\u{200b}b",
    "👍🏽👍🏽",
    "🇰🇿🇰🇿🇰🇿",
    "a\r\nb\u{2028}c\u{85}d",
    "1-1-1-1",
    "a.b.c.d.",
    "2024 ж. 12.03.2024",
];

#[test]
fn edge_cases_tokens() {
    for input in EDGE_CASES {
        check_tokens(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
}

#[test]
fn edge_cases_sentences() {
    for input in EDGE_CASES {
        check_sentences(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
}

#[test]
fn whitespace_only_has_no_tokens_or_sentences() {
    for input in ["", " ", "\n\n", "\t\u{a0}\u{2009}\u{3000}\r\n"] {
        assert_eq!(tokenize(input).count(), 0, "{input:?}");
        assert_eq!(sentences(input).count(), 0, "{input:?}");
    }
}
