//! The public API's promises that the compiler can check: the public types
//! are `Send` and `Sync`, the error type is one type with a
//! `#[non_exhaustive]` kind and a one-line message, and public functions
//! that take text or offsets accept absurd values without panicking.

#[cfg(feature = "eval")]
use kazakh::eval;
use kazakh::morph::Analysis;
use kazakh::ner::{Entity, Label, Model, Recognizer};
use kazakh::numbers::{Decimal, NumberMention, Value};
use kazakh::{
    DocEntity, DocNumber, DocSentence, DocToken, Document, Error, ErrorKind, Normalized,
    Normalizer, Pipeline, Sentence, Sentences, Span, Token, TokenKind, Tokens,
};

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    assert_send_sync::<Token<'static>>();
    assert_send_sync::<Tokens<'static>>();
    assert_send_sync::<TokenKind>();
    assert_send_sync::<Sentence<'static>>();
    assert_send_sync::<Sentences<'static>>();
    assert_send_sync::<Span>();
    assert_send_sync::<Normalized<'static>>();
    assert_send_sync::<Normalizer>();
    assert_send_sync::<NumberMention<'static>>();
    assert_send_sync::<Decimal>();
    assert_send_sync::<Value>();
    assert_send_sync::<Recognizer>();
    assert_send_sync::<Model>();
    assert_send_sync::<Entity<'static>>();
    assert_send_sync::<Label>();
    assert_send_sync::<Analysis<'static>>();
    assert_send_sync::<Pipeline>();
    assert_send_sync::<Document>();
    assert_send_sync::<DocSentence>();
    assert_send_sync::<DocToken>();
    assert_send_sync::<DocNumber>();
    assert_send_sync::<DocEntity>();
    assert_send_sync::<Error>();
    assert_send_sync::<ErrorKind>();
}

/// The error is a plain std error, 'static, with a one-line message.
#[test]
fn error_is_one_std_error_with_one_line() {
    fn assert_std_error<E: std::error::Error + Send + Sync + 'static>() {}
    assert_std_error::<Error>();
    let errors = [
        #[cfg(feature = "eval")]
        kazakh::from_utf8(b"\xff").unwrap_err(),
        Model::from_bytes(b"").unwrap_err(),
        Model::from_bytes(b"KZNERMDL").unwrap_err(),
        Model::from_bytes(b"KZNERMDL\x02\x00\x00\x00").unwrap_err(),
        #[cfg(feature = "eval")]
        eval::conllu::Treebank::parse("1\tonly two fields\n").unwrap_err(),
    ];
    for e in &errors {
        let text = e.to_string();
        assert!(!text.is_empty() && !text.contains('\n'), "{text:?}");
        // Boxes into the usual error type of applications.
        let _boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(e.clone());
    }
    let model = Model::from_bytes(b"").unwrap_err();
    assert_eq!(model.kind(), ErrorKind::Model);
    // A match on the kind needs a wildcard arm: the enum is
    // #[non_exhaustive] (this compiles only with the `_` arm outside the
    // crate).
    let describe = |e: &Error| match e.kind() {
        ErrorKind::Parse => "parse",
        ErrorKind::InvalidUtf8 => "utf-8",
        _ => "other",
    };
    assert_eq!(describe(&model), "other");
    #[cfg(feature = "eval")]
    {
        let utf8 = kazakh::from_utf8(b"\xff").unwrap_err();
        assert_eq!(utf8.kind(), ErrorKind::InvalidUtf8);
        assert_eq!(describe(&utf8), "utf-8");
    }
}

/// Absurd offsets and spans are clamped, never a panic.
#[test]
fn absurd_offsets_and_spans_are_clamped() {
    let text = "Қазақ тілі 😀";
    for span in [
        Span::new(0, usize::MAX),
        Span::new(usize::MAX, usize::MAX),
        Span::new(1, 3),
        Span::new(9, 2),
        Span::new(usize::MAX, 0),
    ] {
        let chars = span.to_chars(text);
        let utf16 = span.to_utf16(text);
        assert!(chars.start <= text.chars().count() && chars.end <= text.chars().count());
        assert!(utf16.end <= text.encode_utf16().count());
        let _ = (span.len(), span.is_empty(), span.contains(usize::MAX));
    }
    let n = kazakh::normalize("бiрi\u{AD} мен");
    for o in [0, 1, 3, 99, usize::MAX] {
        let a = n.original_offset(o);
        let b = n.normalized_offset(o);
        assert!(n.original().is_char_boundary(a));
        assert!(n.as_str().is_char_boundary(b));
    }
    let s = n.original_span(Span::new(usize::MAX - 1, usize::MAX));
    assert!(s.end <= n.original().len());
    let doc = Pipeline::new().analyze("Астана.");
    assert_eq!(doc.text_at(Span::new(1, 2)), "");
    assert_eq!(doc.text_at(Span::new(5, usize::MAX)), "");
    assert!(Decimal::pow10(u32::MAX).is_none());
    let _ = Decimal::new(i128::MAX, u32::MAX);
}

/// Public functions on text: empty text, whitespace, a lone combining
/// mark, NUL, a lone surrogate replaced by U+FFFD.
#[test]
fn edge_texts_go_through_every_public_function() {
    let r = Recognizer::default();
    let p = Pipeline::new();
    for text in [
        "", " ", "\n\n", "\u{301}", "\0", "\u{FFFD}", "-", "«", "1", "ә",
    ] {
        let _ = kazakh::tokenize(text).count();
        let _ = kazakh::sentences(text).count();
        let _ = kazakh::normalize(text).into_string();
        let _ = kazakh::numbers::extract(text);
        let _ = kazakh::numbers::parse_words(text);
        let _ = Decimal::parse(text);
        let _ = kazakh::morph::analyze(text);
        let _ = kazakh::morph::lemma(text);
        let _ = kazakh::morph::split_case(text);
        let _ = kazakh::ner::nominative(&[text, text]);
        let _ = r.recognize(text);
        let _ = r.recognize_tokens(&[text]);
        let _ = r.tag(&[text]);
        let _ = p.analyze(text);
        #[cfg(feature = "eval")]
        let _ = eval::conllu::Treebank::parse(text);
    }
    let _ = r.recognize_tokens(&[]);
    let _ = r.tag(&[]);
    let _ = kazakh::ner::nominative(&[]);
    let _ = kazakh::numbers::extract_tokens(&["1", "2"], "");
}
