//! Property tests for `kazakh::normalize`: alignment invariants,
//! idempotence and borrowing.

use kazakh::normalize::Normalizer;
use kazakh::{normalize, Span};
use proptest::prelude::*;

/// Characters that exercise every step, mixed with arbitrary ones.
const INTERESTING: &[char] = &[
    'a', 'c', 'e', 'i', 'h', 'o', 'p', 'x', 'y', 'A', 'B', 'H', 'K', 'M', 'T', 'X', 'Y', 'I', 'V',
    'b', 'm', 's', 'а', 'с', 'е', 'і', 'һ', 'у', 'б', 'қ', 'ы', 'и', 'І', 'Ү', 'Н', 'ә', 'ї', 'Ї',
    '\u{04C0}', '\u{04CF}', '\u{0259}', '\u{018F}', '\u{0275}', '\u{212A}', '\u{212B}', '\u{2126}',
    '\u{0306}', '\u{0308}', '\u{0301}', '\u{0323}', '\u{0338}', '\u{0483}', '=', '<', ' ', '-',
    '.', '1', '“', '”', '„', '‘', '’', '\u{2010}', '\u{2011}', '—', '–', '−', '…', '«', '»',
    '\u{00A0}', '\u{2000}', '\u{2001}', '\u{202F}', '\u{3000}', '\u{00AD}', '\u{200B}', '\u{200C}',
    '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{FE0F}', '👨', '👩', '🏽', '\u{0958}', '\u{1161}',
    '\u{11A8}', '가', '\u{037E}', 'ë', 'ï', 'ў',
];

fn text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => proptest::sample::select(INTERESTING),
        1 => any::<char>(),
    ];
    proptest::collection::vec(ch, 0..24).prop_map(|v| v.into_iter().collect())
}

fn configs() -> impl Strategy<Value = Normalizer> {
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(l, p, i, n)| {
        *Normalizer::new()
            .lookalikes(l)
            .punctuation(p)
            .invisible(i)
            .nfc(n)
    })
}

fn check_alignment(original: &str, n: &kazakh::Normalized<'_>) -> Result<(), TestCaseError> {
    let norm = n.as_str();
    prop_assert_eq!(n.original_offset(0), 0);
    if !norm.is_empty() {
        // (An empty result maps 0 to 0: the start wins.)
        prop_assert_eq!(n.original_offset(norm.len()), original.len());
    }
    prop_assert_eq!(n.normalized_offset(0), 0);
    prop_assert_eq!(n.normalized_offset(original.len()), norm.len());
    let mut last = 0;
    for i in 0..=norm.len() + 2 {
        let o = n.original_offset(i);
        prop_assert!(o >= last, "not monotone at {}", i);
        prop_assert!(original.is_char_boundary(o), "{} -> {} inside a char", i, o);
        last = o;
    }
    let mut last = 0;
    for i in 0..=original.len() + 2 {
        let m = n.normalized_offset(i);
        prop_assert!(m >= last, "normalized_offset not monotone at {}", i);
        prop_assert!(norm.is_char_boundary(m));
        last = m;
    }
    // Every normalized character, and every run of them, maps to a slice
    // of the original.
    let bounds: Vec<usize> = norm
        .char_indices()
        .map(|(i, _)| i)
        .chain([norm.len()])
        .collect();
    for (k, &s) in bounds.iter().enumerate() {
        for &e in &bounds[k..] {
            let span = n.original_span(Span::new(s, e));
            prop_assert!(span.start <= span.end);
            prop_assert!(original.get(span.range()).is_some());
            if e > s {
                // The start skips removed characters, never goes before them.
                prop_assert!(span.start >= n.original_offset(s));
                prop_assert!(span.end <= n.original_offset(e).max(span.end));
                prop_assert!(span.end > span.start);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn alignment_invariants(s in text()) {
        let n = normalize(&s);
        check_alignment(&s, &n)?;
    }

    #[test]
    fn alignment_invariants_any_string(s in "\\PC{0,16}") {
        let n = normalize(&s);
        check_alignment(&s, &n)?;
    }

    #[test]
    fn idempotent(s in text()) {
        let once = normalize(&s).into_string();
        let twice = normalize(&once);
        prop_assert_eq!(twice.as_str(), once.as_str());
        prop_assert!(twice.is_borrowed());
    }

    #[test]
    fn idempotent_any_config(s in text(), cfg in configs()) {
        let once = cfg.normalize(&s).into_string();
        let twice = cfg.normalize(&once);
        prop_assert_eq!(twice.as_str(), once.as_str());
        check_alignment(&s, &cfg.normalize(&s))?;
    }

    #[test]
    fn borrowed_iff_unchanged(s in text(), cfg in configs()) {
        let n = cfg.normalize(&s);
        prop_assert_eq!(n.is_borrowed(), n.as_str() == s);
    }

    #[test]
    fn output_is_nfc(s in text()) {
        let n = normalize(&s);
        prop_assert!(unicode_normalization::is_nfc(n.as_str()));
    }

    #[test]
    fn original_span_is_exact_for_clean_prefix(a in "[а-яәғқңөұүһі ]{0,12}", s in text()) {
        // A clean prefix maps to itself.
        let joined = format!("{a}{s}");
        let n = normalize(&joined);
        if !a.is_empty() {
            let end = a.trim_end().len();
            if end > 0 && n.as_str().get(..end) == Some(&a[..end]) {
                let span = n.original_span(Span::new(0, end));
                prop_assert_eq!(span.start, 0);
                prop_assert!(span.end >= end);
            }
        }
    }
}
