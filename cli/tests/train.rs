//! `kazakh train ner` (built with `--features train`): cross-validation
//! with held-out predictions, and model files that `kazakh ner` reads.
#![cfg(feature = "train")]

mod common;

use std::process::Output;

use common::{run, stdout, TempFile};

/// Four variant groups of two sentences each, KazNERD layout.
const DATA: &str = "AID1 O\nТоқаев B-PERSON\nАстанаға B-GPE\nкелді O\n\n\
BID1 O\nТоқаев B-PERSON\nАстанаға B-GPE\nкелді O\n\n\
AID2 O\nСемейде B-GPE\nкеше B-DATE\nжиын O\nөтті O\n\n\
BID2 O\nСемейде B-GPE\nкеше B-DATE\nжиын O\nөтті O\n\n\
AID3 O\nАқтөбе B-GPE\nоблысының I-GPE\nәкімі O\n\n\
BID3 O\nАқтөбе B-GPE\nоблысының I-GPE\nәкімі O\n\n\
AID4 O\nҰлттық B-ORGANISATION\nбанк I-ORGANISATION\nшешті O\n\n\
BID4 O\nҰлттық B-ORGANISATION\nбанк I-ORGANISATION\nшешті O\n";

/// Runs `kazakh train ner --train DATA` followed by `args`.
fn train(data: &TempFile, args: &[&str]) -> Output {
    let mut all = vec!["train", "ner", "--train", data.path()];
    all.extend_from_slice(args);
    run(&all, b"")
}

/// Fails with the command's error output unless it succeeded.
fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn cross_validation_writes_every_held_out_sentence() {
    let data = TempFile::new("train.iob2", DATA.as_bytes());
    let predictions = TempFile::new("predictions.tsv", b"");
    let out = train(
        &data,
        &[
            "--folds",
            "2",
            "--epochs",
            "2",
            "--predictions",
            predictions.path(),
        ],
    );
    assert_success(&out);
    let report: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(report["sentences"], 8);
    assert_eq!(report["entities"]["micro"]["gold"], 10);
    // Dates and times are scored apart from the names.
    assert_eq!(report["dates"]["labels"]["DATE"]["gold"], 2);
    assert_eq!(report["dates"]["labels"]["TIME"]["gold"], 0);
    assert_eq!(report["dates"]["micro"]["gold"], 2);
    let text = std::fs::read_to_string(predictions.path()).unwrap();
    let sentences: Vec<&str> = text.split_terminator("\n\n").collect();
    assert_eq!(sentences.len(), 8);
    // The gold column has the public labels.
    assert!(sentences[4].starts_with("Ақтөбе\tB-LOC\t"), "{text}");
    for (sentence, gold) in sentences.iter().zip(DATA.split("\n\n")) {
        let tokens: Vec<&str> = gold
            .lines()
            .skip(1)
            .map(|l| l.split(' ').next().unwrap())
            .collect();
        let lines: Vec<Vec<&str>> = sentence.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(lines.len(), tokens.len(), "{sentence}");
        for (fields, token) in lines.iter().zip(&tokens) {
            assert_eq!(fields.len(), 3, "{sentence}");
            assert_eq!(fields[0], *token);
        }
    }
}

#[test]
fn a_trained_model_is_read_back_and_an_unwritable_path_is_an_error() {
    let data = TempFile::new("train.iob2", DATA.as_bytes());
    let model = TempFile::new("model.kzm", b"");
    let out = train(
        &data,
        &["--out", model.path(), "--epochs", "3", "--bits", "10"],
    );
    assert_success(&out);
    let tagged = run(
        &["ner", "--model", model.path()],
        "Тоқаев Астанаға келді.".as_bytes(),
    );
    assert_success(&tagged);
    let dir = std::env::temp_dir();
    let out = train(&data, &["--out", dir.to_str().unwrap(), "--epochs", "1"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("cannot write"), "{err}");
}

#[test]
fn end_labels_and_types_are_chosen_on_the_command_line() {
    let data = TempFile::new("train.iob2", DATA.as_bytes());
    let labels = |args: &[&str]| -> Vec<String> {
        let model = TempFile::new("model.kzm", b"");
        let mut all = vec!["--out", model.path(), "--epochs", "1", "--bits", "10"];
        all.extend_from_slice(args);
        assert_success(&train(&data, &all));
        let bytes = std::fs::read(model.path()).unwrap();
        let model = kazakh::ner::Model::from_bytes(&bytes).unwrap();
        model.labels().map(str::to_owned).collect()
    };
    let default = labels(&[]);
    assert!(
        default.contains(&"E-ORGANISATION".to_owned()),
        "{default:?}"
    );
    // Dates too: the one-word date of the data is a single.
    assert!(default.contains(&"S-DATE".to_owned()), "{default:?}");
    let iob2 = labels(&["--end-labels", "none"]);
    assert!(iob2.contains(&"I-ORGANISATION".to_owned()), "{iob2:?}");
    assert!(!iob2.iter().any(|l| l.starts_with("E-")), "{iob2:?}");
    let places = labels(&["--end-labels", "LOC, ORGANISATION"]);
    assert!(places.contains(&"S-LOC".to_owned()), "{places:?}");
    let people = labels(&["--types", "PERSON", "--no-misc"]);
    assert_eq!(people, ["O", "B-PERSON"]);
    let all = labels(&["--types", "all", "--end-labels", "none"]);
    // Every type kept (GPE still learned as LOC), in IOB2.
    assert_eq!(
        all,
        [
            "O",
            "B-DATE",
            "B-LOC",
            "B-ORGANISATION",
            "B-PERSON",
            "I-LOC",
            "I-ORGANISATION"
        ]
    );
}

#[test]
fn label_biases_are_chosen_on_the_command_line() {
    let data = TempFile::new("train.iob2", DATA.as_bytes());
    let file = TempFile::new("model.kzm", b"");
    let base = ["--out", file.path(), "--epochs", "2", "--bits", "10"];
    // Trains with `args` after `base`; the command's output.
    let run_with = |args: &[&str]| -> Output {
        let mut all = base.to_vec();
        all.extend_from_slice(args);
        train(&data, &all)
    };
    // The bytes of the model trained with `args`, which must succeed.
    let model = |args: &[&str]| -> Vec<u8> {
        assert_success(&run_with(args));
        std::fs::read(file.path()).unwrap()
    };
    let default = model(&[]);
    assert_eq!(default, model(&["--bias", "ORGANISATION=5"]));
    assert_ne!(default, model(&["--bias", "none"]));
    assert_ne!(default, model(&["--bias", "ORGANISATION = 5, LOC=-1.5"]));
    for bad in [
        "ORGANISATION",
        "ORGANISATION=",
        "=3",
        "LOC=x",
        "LOC=inf",
        "",
    ] {
        let out = run_with(&["--bias", bad]);
        assert!(!out.status.success(), "{bad:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{bad:?}: {err}");
        assert!(err.contains("--bias"), "{bad:?}: {err}");
    }
}
