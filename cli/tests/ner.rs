//! Runs `kazakh ner` and `kazakh eval ner`.

use serde_json::Value as Json;

mod common;

use common::{assert_one_line_error, run, stdout, TempFile};

const TEXT: &str = "Қасым-Жомарт Тоқаев Ақтөбе облысына барды. \
                    Денсаулық сақтау министрлігі Семейде жиын өткізді.";

fn ok(args: &[&str], stdin: &str) -> String {
    let out = run(args, stdin.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        common::stderr(&out)
    );
    stdout(&out).to_owned()
}

#[test]
fn jsonl_objects_have_the_documented_keys_and_exact_slices() {
    let out = ok(&["ner"], TEXT);
    let lines: Vec<Json> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON"))
        .collect();
    assert!(!lines.is_empty());
    for e in &lines {
        let text = e["text"].as_str().unwrap();
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&TEXT[start..end], text);
        assert!(matches!(e["label"].as_str(), Some("PER" | "LOC" | "ORG")));
        assert!(e["lemma"].is_string());
        let score = e["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }
    let lemmas: Vec<&str> = lines.iter().map(|e| e["lemma"].as_str().unwrap()).collect();
    assert!(lemmas.contains(&"Ақтөбе облысы"), "{lemmas:?}");
    assert!(lemmas.contains(&"Семей"), "{lemmas:?}");
}

#[test]
fn char_offsets_count_chars() {
    let out = ok(&["ner", "--offsets", "chars"], TEXT);
    let chars: Vec<char> = TEXT.chars().collect();
    for line in out.lines() {
        let e: Json = serde_json::from_str(line).unwrap();
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, e["text"].as_str().unwrap());
    }
}

#[test]
fn conll_input_gives_one_label_per_token() {
    let input = "AID1\tO\nАқтөбе\tB-GPE\nоблысының\tI-GPE\nәкімі\tO\n\nСемейде\nжиын\nөтті\n";
    let out = ok(&["ner", "--input-format", "conll"], input);
    let sentences: Vec<&str> = out.split("\n\n").filter(|s| !s.trim().is_empty()).collect();
    assert_eq!(sentences.len(), 2);
    let first: Vec<&str> = sentences[0].lines().collect();
    assert_eq!(first[0], "AID1\tO");
    assert_eq!(first.len(), 4);
    for line in out.lines().filter(|l| !l.is_empty()) {
        let (_, label) = line.split_once('\t').expect("token<TAB>label");
        assert!(
            label == "O" || ["B-", "I-"].iter().any(|p| label.starts_with(p)),
            "{line}"
        );
    }
    assert_eq!(first[1], "Ақтөбе\tB-LOC");
}

#[test]
fn eval_ner_prints_scores_per_label() {
    let gold = TempFile::new(
        "ner-gold.iob2",
        "Ақтөбе B-GPE\nоблысының I-GPE\nәкімі O\n\nСемейде B-GPE\nжиын O\n".as_bytes(),
    );
    let out = ok(&["eval", "ner", "--gold", gold.path()], "");
    let report: Json = serde_json::from_str(out.trim()).unwrap();
    for label in ["PER", "LOC", "ORG"] {
        assert!(report["labels"][label]["f1"].is_number(), "{label}");
    }
    assert_eq!(report["labels"]["LOC"]["gold"], 2);
    assert!(report["micro"]["precision"].is_number());
}

#[test]
fn bad_inputs_are_one_line_errors() {
    let bad_model = TempFile::new("bad.kzm", b"KZNERMDL\x07\x00\x00\x00");
    let out = run(&["ner", "--model", bad_model.path()], TEXT.as_bytes());
    assert_one_line_error(&out, 1);
    let out = run(
        &["ner", "--model", "/nonexistent/model.kzm"],
        TEXT.as_bytes(),
    );
    assert_one_line_error(&out, 2);
    let out = run(&["ner"], b"\xff\xfe bad");
    assert_one_line_error(&out, 1);
    let out = run(&["ner", "--input-format", "conll", "--format", "text"], b"");
    assert_one_line_error(&out, 2);
    let gold = TempFile::new("ner-bad.iob2", b"token\n");
    let out = run(&["eval", "ner", "--gold", gold.path()], b"");
    assert_one_line_error(&out, 1);
}

/// FNV-1a 64, the model file's checksum.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xCBF2_9CE4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

#[test]
fn a_model_of_another_feature_set_is_refused_with_how_to_retrain() {
    let shipped = include_bytes!("../../models/ner-kaznerd.kzm");
    let current = kazakh::ner::FEATURE_SET;
    for other in [current.wrapping_add(1), current.wrapping_sub(1), u32::MAX] {
        let mut bytes = shipped[..shipped.len() - 8].to_vec();
        bytes[12..16].copy_from_slice(&other.to_le_bytes());
        let sum = fnv1a(&bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
        let model = TempFile::new("other-features.kzm", &bytes);
        let out = run(&["ner", "--model", model.path()], TEXT.as_bytes());
        assert_one_line_error(&out, 1);
        let err = String::from_utf8_lossy(&out.stderr);
        for part in [
            format!("trained with feature set {other},"),
            format!("extracts feature set {current}"),
            "kazakh train ner --train".to_owned(),
        ] {
            assert!(err.contains(&part), "{part:?} not in {err}");
        }
    }
}
