//! `Pipeline` and `Document`: spans are slices of the original text, with
//! and without normalization; serde shape.

use kazakh::{Document, Pipeline};

const NEWS: &str = "Қасым-Жомарт Тоқаев Ақтөбе облысына барды. \
                    Құны 1 трлн 125,6 млрд теңге.Инфляция 3,2%-ға төмендеді.\n\n\
                    Астанада «Самұрық-Қазына» қоры 15 мыңнан астам адаммен кездесті.";

/// Text that normalization changes: Latin look-alikes, a soft hyphen, curly
/// quotes, a no-break space inside a number, a decomposed й.
const DIRTY: &str = "Шаhар\u{00AD}да бiрiншi “жақсы” жиын өттi. Тоқаев Алматыға 1\u{a0}250 \
                     адаммен келдi. Жаңа зауыт 2026 жылы ашылады, құны 5 млрд теңге. \
                     Биылғы жоспар и\u{0306}ыққа қарай.";

fn check_spans(text: &str, doc: &Document) {
    assert_eq!(doc.text(), text);
    let chars: Vec<char> = text.chars().collect();
    let by_chars = |s: kazakh::Span| -> String { chars[s.start..s.end].iter().collect() };
    let mut last_end = 0;
    for t in doc.tokens() {
        let slice = text.get(t.span.range()).expect("token span on boundaries");
        assert_eq!(doc.token_text(t), slice);
        assert!(!slice.is_empty());
        assert!(t.span.start >= last_end, "tokens in order, not overlapping");
        last_end = t.span.end;
        assert_eq!(by_chars(t.chars), slice);
    }
    for s in doc.sentences() {
        let slice = text.get(s.span.range()).expect("sentence span");
        assert_eq!(by_chars(s.chars), slice);
        let toks = doc.sentence_tokens(s);
        assert!(!toks.is_empty());
        assert_eq!(toks[0].span.start, s.span.start);
        assert_eq!(toks[toks.len() - 1].span.end, s.span.end);
    }
    for n in doc.numbers() {
        let slice = text.get(n.span.range()).expect("number span");
        assert_eq!(doc.text_at(n.span), slice);
        assert_eq!(by_chars(n.chars), slice);
        let toks = &doc.tokens()[n.tokens.clone()];
        assert_eq!(toks[0].span.start, n.span.start);
        assert_eq!(toks[toks.len() - 1].span.end, n.span.end);
    }
    for e in doc.entities() {
        let slice = text.get(e.span.range()).expect("entity span");
        assert_eq!(doc.text_at(e.span), slice);
        assert_eq!(by_chars(e.chars), slice);
        let toks = &doc.tokens()[e.tokens.clone()];
        assert_eq!(toks[0].span.start, e.span.start);
        assert_eq!(toks[toks.len() - 1].span.end, e.span.end);
        assert!(!e.lemma.is_empty());
    }
}

#[test]
fn spans_are_slices_of_the_original() {
    let doc = Pipeline::new().analyze(NEWS);
    check_spans(NEWS, &doc);
    assert_eq!(doc.sentences().len(), 4);
    assert!(doc.entities().iter().any(|e| e.lemma == "Ақтөбе облысы"));
    let money = doc
        .numbers()
        .iter()
        .find(|n| doc.text_at(n.span) == "1 трлн 125,6 млрд теңге")
        .expect("money");
    assert_eq!(money.value.to_string(), "1125600000000");
}

#[test]
fn normalized_spans_map_back_to_the_original() {
    let mut p = Pipeline::new();
    p.normalization(true);
    let doc = p.analyze(DIRTY);
    check_spans(DIRTY, &doc);
    let texts: Vec<&str> = doc.tokens().iter().map(|t| doc.token_text(t)).collect();
    assert!(texts.contains(&"Шаhар\u{00AD}да"), "{texts:?}");
    assert!(texts.contains(&"бiрiншi"), "{texts:?}");
    assert!(texts.contains(&"и\u{0306}ыққа"), "{texts:?}");
    // Lemmas come from the normalized words.
    let came = doc
        .tokens()
        .iter()
        .find(|t| doc.token_text(t) == "келдi")
        .unwrap();
    assert_eq!(doc.lemma(came), Some("кел"));
    // The number with a no-break space is read whole after normalization.
    assert!(doc
        .numbers()
        .iter()
        .any(|n| doc.text_at(n.span) == "1\u{a0}250" && n.value.to_string() == "1250"));

    // Without normalization the spans hold as well.
    check_spans(DIRTY, &Pipeline::new().analyze(DIRTY));
}

#[test]
fn reused_document_equals_a_fresh_one() {
    let p = Pipeline::new();
    let mut doc = Document::default();
    for text in [NEWS, DIRTY, "", "Бір.", NEWS] {
        p.analyze_into(text, &mut doc);
        assert_eq!(doc, p.analyze(text));
    }
}

#[test]
fn batch_keeps_input_order() {
    let texts: Vec<String> = (0..50)
        .map(|i| format!("{i} адам Алматыға келді."))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let docs = Pipeline::new().analyze_batch(&refs);
    assert_eq!(docs.len(), 50);
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(doc.token_text(&doc.tokens()[0]), i.to_string());
    }
}

#[test]
fn never_panics_on_odd_text() {
    let mut p = Pipeline::new();
    p.normalization(true);
    for text in [
        "",
        " ",
        "\n\n",
        "\u{feff}",
        "ı̇",
        "😀\u{200d}",
        "a\u{0306}\u{0306}",
        "«",
        "1 000 000 000 000 000 000 000 000 000 000 000 000 000 теңге",
    ] {
        check_spans(text, &p.analyze(text));
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_shape() {
    let doc = Pipeline::new().analyze(NEWS);
    let json = serde_json::to_value(&doc).unwrap();
    let obj = json.as_object().unwrap();
    let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    for key in [
        "schema",
        "offsets",
        "sentences",
        "tokens",
        "numbers",
        "entities",
    ] {
        assert!(keys.contains(&key), "{keys:?}");
    }
    assert_eq!(json["schema"], kazakh::schema::SCHEMA_VERSION);
    assert_eq!(json["offsets"], "bytes");
    let tok = &json["tokens"][0];
    assert_eq!(tok["text"], "Қасым-Жомарт");
    assert_eq!(tok["start"], 0);
    assert_eq!(tok["end"], "Қасым-Жомарт".len());
    assert_eq!(tok["kind"], "word");
    assert!(tok["lemma"].is_string());
    let s = &json["sentences"][0];
    assert_eq!(s["tokens"][0], 0);
    assert!(s["tokens"][1].as_u64().unwrap() > 0);
    let money = json["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "money")
        .unwrap();
    assert_eq!(money["value"], 1125600000000u64);
    assert!(money.get("value_exact").is_none());
    assert_eq!(money["unit"], "KZT");
    let e = &json["entities"][0];
    assert!(["PER", "LOC", "ORG"].contains(&e["label"].as_str().unwrap()));
    assert!(e["lemma"].is_string() && e["score"].is_number());
    // The same document in char offsets.
    let view = kazakh::schema::DocumentView::new(&doc, kazakh::schema::Offsets::Chars);
    let chars = serde_json::to_value(view).unwrap();
    assert_eq!(chars["offsets"], "chars");
    assert_eq!(chars["tokens"][0]["end"], 12);
    // Round trip through text.
    let again: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&doc).unwrap()).unwrap();
    assert_eq!(again, json);
}
