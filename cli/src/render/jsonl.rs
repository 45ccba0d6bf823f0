//! JSON lines, every object one of the library's schema views
//! (`kazakh::schema`, `docs/schema.md`): documents of `kazakh annotate`,
//! sentences of `kazakh tokenize`, mentions of `kazakh numbers`, entities
//! of `kazakh ner`.

use kazakh::schema::{DocumentView, SCHEMA_VERSION};
use kazakh::Document;
use kazakh::Span;
use kazakh::TokenKind;
use serde::Serialize;

use crate::io::Offsets;

/// Appends `value` as one line of JSON.
pub fn line<T: Serialize>(out: &mut String, value: &T) -> Result<(), String> {
    let json = serde_json::to_string(value).map_err(|e| format!("cannot write JSON: {e}"))?;
    out.push_str(&json);
    out.push('\n');
    Ok(())
}

/// The document as one line, with `meta` (corpus input) if any, written
/// straight into a buffer of `capacity` bytes: a long document's JSON is
/// not built twice.
///
/// The sentences, tokens and entities, most of a document's bytes, are
/// written here field by field; the numbers and meta data go through the
/// library's views ([`DocumentView`]). The bytes are those of
/// `serde_json::to_writer(&DocumentView)`, which the tests check.
pub fn document<M: Serialize>(
    capacity: usize,
    doc: &Document,
    offsets: Offsets,
    meta: Option<&M>,
) -> Result<Vec<u8>, String> {
    let mut buf = Vec::with_capacity(capacity);
    let offsets = offsets.schema();
    let at = |bytes: Span, chars: Span| match offsets {
        kazakh::schema::Offsets::Bytes => bytes,
        _ => chars,
    };
    buf.extend_from_slice(b"{\"schema\":");
    number(&mut buf, SCHEMA_VERSION as usize);
    buf.extend_from_slice(b",\"offsets\":");
    string(&mut buf, offsets.as_str());
    buf.extend_from_slice(b",\"sentences\":[");
    for (k, s) in doc.sentences().iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        buf.push(b'{');
        start_end(&mut buf, at(s.span, s.chars));
        buf.extend_from_slice(b",\"tokens\":[");
        number(&mut buf, s.tokens.start);
        buf.push(b',');
        number(&mut buf, s.tokens.end);
        buf.extend_from_slice(b"]}");
    }
    buf.extend_from_slice(b"],\"tokens\":[");
    for (k, t) in doc.tokens().iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"text\":");
        let text = doc.token_text(t);
        let plain = string(&mut buf, text);
        buf.push(b',');
        start_end(&mut buf, at(t.span, t.chars));
        kind_field(&mut buf, t.kind);
        if let Some(lemma) = doc.lemma(t) {
            buf.extend_from_slice(b",\"lemma\":");
            if plain && text.as_bytes().starts_with(lemma.as_bytes()) {
                // Most lemmas are the word or its beginning: bytes already
                // found to need no escape.
                buf.push(b'"');
                buf.extend_from_slice(lemma.as_bytes());
                buf.push(b'"');
            } else {
                string(&mut buf, lemma);
            }
        }
        buf.push(b'}');
    }
    let view = DocumentView::new(doc, offsets).with_meta(meta);
    let json = |e: serde_json::Error| format!("cannot write JSON: {e}");
    buf.extend_from_slice(b"],\"entities\":[");
    for (k, e) in doc.entities().iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"text\":");
        string(&mut buf, doc.text_at(e.span));
        buf.push(b',');
        start_end(&mut buf, at(e.span, e.chars));
        buf.extend_from_slice(b",\"label\":");
        string(&mut buf, e.label.as_str());
        buf.extend_from_slice(b",\"lemma\":");
        string(&mut buf, &e.lemma);
        // Rounded to three decimals as the view rounds it
        // (`kazakh::schema::EntityView`), and written by serde_json.
        buf.extend_from_slice(b",\"score\":");
        let score = (f64::from(e.score) * 1000.0).round() / 1000.0;
        serde_json::to_writer(&mut buf, &score).map_err(json)?;
        buf.push(b'}');
    }
    buf.extend_from_slice(b"],\"numbers\":");
    serde_json::to_writer(&mut buf, &view.numbers()).map_err(json)?;
    if let Some(meta) = meta {
        buf.extend_from_slice(b",\"meta\":");
        serde_json::to_writer(&mut buf, meta).map_err(json)?;
    }
    buf.extend_from_slice(b"}\n");
    Ok(buf)
}

/// Writes the field `,"kind":"…"` of a token: the kinds' names need no
/// escapes, so the field is written whole, without the test of each byte.
fn kind_field(buf: &mut Vec<u8>, kind: TokenKind) {
    let field: &[u8] = match kind {
        TokenKind::Word => b",\"kind\":\"word\"",
        TokenKind::Number => b",\"kind\":\"number\"",
        TokenKind::Abbreviation => b",\"kind\":\"abbreviation\"",
        TokenKind::Punct => b",\"kind\":\"punct\"",
        TokenKind::Symbol => b",\"kind\":\"symbol\"",
        TokenKind::Url => b",\"kind\":\"url\"",
        TokenKind::Email => b",\"kind\":\"email\"",
        TokenKind::Mention => b",\"kind\":\"mention\"",
        TokenKind::Hashtag => b",\"kind\":\"hashtag\"",
        TokenKind::Emoji => b",\"kind\":\"emoji\"",
        // A kind added later.
        _ => {
            buf.extend_from_slice(b",\"kind\":");
            string(buf, kind.as_str());
            return;
        }
    };
    buf.extend_from_slice(field);
}

/// Writes the fields `"start":N,"end":N` of `span`.
fn start_end(buf: &mut Vec<u8>, span: Span) {
    buf.extend_from_slice(b"\"start\":");
    number(buf, span.start);
    buf.extend_from_slice(b",\"end\":");
    number(buf, span.end);
}

/// The numbers 00 to 99, two digits each.
const PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut k = 0;
    while k < 100 {
        pairs[2 * k] = b'0' + (k / 10) as u8;
        pairs[2 * k + 1] = b'0' + (k % 10) as u8;
        k += 1;
    }
    pairs
};

/// Writes `n` in decimal.
fn number(buf: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    // Two digits a step.
    while n >= 100 {
        let pair = 2 * (n % 100);
        n /= 100;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
    } else {
        i -= 1;
        digits[i] = b'0' + n as u8;
    }
    // Copies of a length known here, for the short numbers of offsets and
    // indices: a copy of a variable length is a call of `memcpy`.
    match digits.len() - i {
        1 => buf.push(digits[19]),
        2 => buf.extend_from_slice(&digits[18..]),
        3 => buf.extend_from_slice(&digits[17..]),
        4 => buf.extend_from_slice(&digits[16..]),
        5 => buf.extend_from_slice(&digits[15..]),
        6 => buf.extend_from_slice(&digits[14..]),
        7 => buf.extend_from_slice(&digits[13..]),
        _ => buf.extend_from_slice(&digits[i..]),
    }
}

/// Writes `s` as a JSON string, escaped as serde_json escapes it: `"` and
/// `\` with a backslash, the control characters below U+0020 as `\b`,
/// `\t`, `\n`, `\f`, `\r` or `\u00XX`, everything else as it is.
/// Whether `s` needed no escape.
fn string(buf: &mut Vec<u8>, s: &str) -> bool {
    buf.push(b'"');
    let bytes = s.as_bytes();
    let plain = |b: u8| b >= 0x20 && b != b'"' && b != b'\\';
    // Sixteen bytes at a time without a branch per byte, which the
    // compiler turns into vector compares.
    let mut blocks = bytes.chunks_exact(16);
    let all_plain = |c: &[u8]| c.iter().fold(true, |ok, &b| ok & plain(b));
    if blocks.by_ref().all(all_plain) && blocks.remainder().iter().all(|&b| plain(b)) {
        buf.extend_from_slice(bytes);
        buf.push(b'"');
        return true;
    }
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: Option<&[u8]> = match b {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            0x08 => Some(b"\\b"),
            b'\t' => Some(b"\\t"),
            b'\n' => Some(b"\\n"),
            0x0C => Some(b"\\f"),
            b'\r' => Some(b"\\r"),
            0x00..=0x1F => None,
            _ => continue,
        };
        buf.extend_from_slice(&bytes[from..i]);
        match escape {
            Some(escape) => buf.extend_from_slice(escape),
            None => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                buf.extend_from_slice(b"\\u00");
                buf.push(HEX[usize::from(b >> 4)]);
                buf.push(HEX[usize::from(b & 0xF)]);
            }
        }
        from = i + 1;
    }
    buf.extend_from_slice(&bytes[from..]);
    buf.push(b'"');
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts with every kind of token, number and entity, and with every
    /// character JSON escapes.
    const TEXTS: &[&str] = &[
        "",
        "Қасым-Жомарт Тоқаев 2024 жылғы 12 мамырда Астанада 3,2% өсім туралы айтты.",
        "«Қазақстан темір жолы» ҰК АҚ 1 трлн 125,6 млрд теңге жұмсады.Бүгін сағат 10:30-да.",
        "Тырнақша \" және кері қиғаш \\ сызық, таб\tжол\nсоңы\r, \u{8}\u{c}\u{1}\u{1f} белгілер.",
        "Emoji 🙂, U+2028 \u{2028} және \u{7f} қалады; https://example.kz/a?b=1 сілтеме.",
    ];

    #[test]
    fn documents_are_written_as_the_schema_view_serializes_them() {
        let meta = serde_json::json!({"id": "a\"b", "n": [1, 2.5, null]});
        for lemmas in [true, false] {
            let mut pipeline = kazakh::Pipeline::new();
            pipeline.lemmas(lemmas);
            for text in TEXTS {
                let doc = pipeline.analyze(text);
                for offsets in [Offsets::Bytes, Offsets::Chars] {
                    for meta in [None, Some(&meta)] {
                        let view = DocumentView::new(&doc, offsets.schema()).with_meta(meta);
                        let mut want = serde_json::to_vec(&view).unwrap();
                        want.push(b'\n');
                        let got = document(0, &doc, offsets, meta).unwrap();
                        assert_eq!(
                            String::from_utf8_lossy(&got),
                            String::from_utf8_lossy(&want),
                            "{text:?} {offsets:?} lemmas {lemmas}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn strings_escape_what_json_requires() {
        for (s, want) in [
            ("", r#""""#),
            ("ab", r#""ab""#),
            ("\"", r#""\"""#),
            ("\\", r#""\\""#),
            ("\u{0}\u{1f}", r#""\u0000\u001f""#),
            ("\u{8}\t\n\u{c}\r", r#""\b\t\n\f\r""#),
            ("қ\u{7f}\u{2028}", "\"қ\u{7f}\u{2028}\""),
        ] {
            let mut buf = Vec::new();
            string(&mut buf, s);
            assert_eq!(String::from_utf8(buf).unwrap(), want, "{s:?}");
            assert_eq!(
                serde_json::to_string(s).unwrap(),
                want,
                "serde_json on {s:?}"
            );
        }
        // Longer strings, read sixteen bytes at a time: an escape in a
        // block, in the rest after the blocks, or none.
        let long = "Қазақстан Республикасы «Ақ жол» партиясы";
        for at in [0, 8, 16, 19, 44, long.len()] {
            for escape in ["\"", "\\", "\n", "\u{1}", ""] {
                let s = format!("{}{escape}{}", &long[..at], &long[at..]);
                let mut buf = Vec::new();
                string(&mut buf, &s);
                let want = serde_json::to_string(&s).unwrap();
                assert_eq!(String::from_utf8(buf).unwrap(), want, "{s:?}");
            }
        }
    }

    #[test]
    fn kind_fields_are_the_kinds_names_as_json_strings() {
        use kazakh::TokenKind::*;
        for kind in [
            Word,
            Number,
            Abbreviation,
            Punct,
            Symbol,
            Url,
            Email,
            Mention,
            Hashtag,
            Emoji,
        ] {
            let mut buf = Vec::new();
            kind_field(&mut buf, kind);
            let want = format!(
                ",\"kind\":{}",
                serde_json::to_string(kind.as_str()).unwrap()
            );
            assert_eq!(String::from_utf8(buf).unwrap(), want);
        }
    }

    #[test]
    fn numbers_are_decimal() {
        // Every length of digits, each at its ends.
        let powers = (0..20).map(|k| 10usize.pow(k));
        let near = powers.flat_map(|p| [p - 1, p, p + 1, p.saturating_mul(3)]);
        for n in near.chain([0usize, 7, 10, 99, 1234567890, usize::MAX]) {
            let mut buf = Vec::new();
            number(&mut buf, n);
            assert_eq!(String::from_utf8(buf).unwrap(), n.to_string());
        }
    }
}
