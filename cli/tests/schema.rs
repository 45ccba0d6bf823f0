//! The library's serialization of a document (`kazakh::schema`) is the
//! command's output: one schema, written once.

mod common;

use common::{run, stdout, TempFile};
use kazakh::schema::{DocumentView, Offsets, SCHEMA_VERSION};
use kazakh::Pipeline;

const TEXT: &str = "Қасым-Жомарт Тоқаев Ақтөбе облысына барды. \
                    Құны 1 трлн 125,6 млрд теңге.Инфляция 3,2%-ға төмендеді.\n\n\
                    Астанада «Самұрық-Қазына» қоры 15 мыңнан астам адаммен кездесті. \
                    Баға 2024-2029 жылдары 5-7 пайызға өседі, \"тармақ\"\tбар.";

fn annotate(args: &[&str], stdin: &str) -> String {
    let out = run(args, stdin.as_bytes());
    assert!(out.status.success(), "{out:?}");
    stdout(&out).to_owned()
}

#[test]
fn library_serialization_is_the_annotate_line() {
    let doc = Pipeline::new().analyze(TEXT);
    for (offsets, name) in [(Offsets::Bytes, "bytes"), (Offsets::Chars, "chars")] {
        let line = annotate(&["annotate", "--offsets", name], TEXT);
        let mut expected = serde_json::to_string(&DocumentView::new(&doc, offsets)).unwrap();
        expected.push('\n');
        assert_eq!(line, expected, "--offsets {name}");
    }
    // `Document`'s own serialization is the byte-offset view.
    let own = serde_json::to_string(&doc).unwrap() + "\n";
    assert_eq!(own, annotate(&["annotate"], TEXT));
}

#[test]
fn corpus_meta_is_carried_through_the_view() {
    let record = serde_json::json!({"id": "a1", "text": TEXT, "source": {"n": 1}});
    let line = annotate(
        &["annotate", "--input-format", "jsonl", "--offsets", "chars"],
        &format!("{record}\n"),
    );
    let meta = serde_json::json!({"id": "a1", "source": {"n": 1}});
    let doc = Pipeline::new().analyze(TEXT);
    let view = DocumentView::new(&doc, Offsets::Chars).with_meta(Some(&meta));
    assert_eq!(line, serde_json::to_string(&view).unwrap() + "\n");
    let file = TempFile::new("doc.txt", TEXT.as_bytes());
    let two = annotate(&["annotate", file.path(), file.path()], "");
    for line in two.lines() {
        let json: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(json["schema"], SCHEMA_VERSION);
        assert_eq!(json["meta"]["file"], file.path());
    }
}

#[test]
fn items_are_the_same_objects_everywhere() {
    let doc: serde_json::Value = serde_json::from_str(&annotate(&["annotate"], TEXT)).unwrap();
    let numbers = annotate(&["numbers"], TEXT);
    let entities = annotate(&["ner"], TEXT);
    let lines = |s: &str| -> Vec<serde_json::Value> {
        s.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    assert_eq!(doc["numbers"].as_array().unwrap(), &lines(&numbers));
    assert_eq!(doc["entities"].as_array().unwrap(), &lines(&entities));
    // A range of numbers has numbers at its ends; a range of years (a
    // date) has ISO 8601 strings.
    let ranges: Vec<_> = lines(&numbers)
        .into_iter()
        .filter(|n| n.get("min").is_some())
        .collect();
    let numeric = ranges
        .iter()
        .find(|n| n["kind"] != "date")
        .expect("a range");
    assert!(numeric["min"].is_number() && numeric["max"].is_number());
    let years = ranges.iter().find(|n| n["kind"] == "date").expect("years");
    assert_eq!(
        (years["min"].as_str(), years["max"].as_str()),
        (Some("2024"), Some("2029"))
    );
    let tokens = annotate(&["tokenize", "--format", "jsonl"], TEXT);
    let mut all = Vec::new();
    for sentence in lines(&tokens) {
        all.extend(sentence["tokens"].as_array().unwrap().iter().cloned());
    }
    let mut doc_tokens = doc["tokens"].as_array().unwrap().clone();
    for t in &mut doc_tokens {
        t.as_object_mut().unwrap().remove("lemma");
    }
    assert_eq!(all, doc_tokens);
}

#[test]
fn values_a_double_cannot_hold_travel_as_exact_strings() {
    let line = annotate(&["numbers"], "Сан 12345678901234567891 болды.");
    let json: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(json["value_exact"], "12345678901234567891");
    assert!(line.contains("\"value\":12345678901234567891,"), "{line}");
    let line = annotate(&["numbers"], "Сан 125,6 болды.");
    assert!(
        line.contains("\"value\":125.6}") && !line.contains("exact"),
        "{line}"
    );
}
