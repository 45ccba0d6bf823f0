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
    assert_eq!(default, model(&["--bias", "ORGANISATION=8"]));
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

#[test]
fn the_organization_bias_can_be_chosen_by_inner_cross_validation() {
    let data = TempFile::new("train.iob2", DATA.as_bytes());
    let file = TempFile::new("model.kzm", b"");
    let base = ["--out", file.path(), "--epochs", "2", "--bits", "10"];
    let out = train(&data, &[&base[..], &["--bias-folds", "2"]].concat());
    assert_success(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find(|l| l.starts_with("organization bias "))
        .unwrap_or_else(|| panic!("no curve: {err}"));
    // The model carries the bias chosen: the same as with --bias.
    let chosen = line.split(' ').nth(2).unwrap().to_owned();
    let searched = std::fs::read(file.path()).unwrap();
    let fixed = format!("ORGANISATION={chosen}");
    assert_success(&train(&data, &[&base[..], &["--bias", &fixed]].concat()));
    assert_eq!(searched, std::fs::read(file.path()).unwrap(), "{line}");
    // With --folds, each fold's bias is in the report.
    let out = train(
        &data,
        &[
            "--folds",
            "2",
            "--epochs",
            "2",
            "--bits",
            "10",
            "--bias-folds",
            "2",
        ],
    );
    assert_success(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["org_biases"].as_array().map(Vec::len), Some(2));
    // Without it, none.
    let out = train(&data, &["--folds", "2", "--epochs", "2", "--bits", "10"]);
    assert_success(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report.get("org_biases").is_none());
}

/// Four sentences in two folds (ids 1 and 3 fall in the first fold, 2
/// and 4 in the second), with names seen and unseen in the other fold.
const NAMES: &str =
    "AID1 O\nТоқаев B-PERSON\nАқтөбе B-GPE\nоблысынан I-GPE\nАстанаға B-GPE\nкелді O\n\n\
AID2 O\nТоқаев B-PERSON\nСемейде B-LOCATION\nболды O\n\n\
AID3 O\nАбай B-ORGANISATION\nСемейде B-GPE\nҰлттық B-ORGANISATION\nбанк I-ORGANISATION\nашты O\n\n\
AID4 O\nҰлттық B-ORGANISATION\nбанк I-ORGANISATION\nастанаға B-GPE\nАбай B-PERSON\nтуралы O\n";

#[test]
fn cross_validation_splits_recall_by_names_seen_in_training() {
    // Sentence, first token, end, label, and whether the name is a gold
    // name of the same label in the other fold.
    let gold = [
        (0, 0, 1, "PER", true),
        // Absent from the other fold.
        (0, 1, 3, "LOC", false),
        // Only in lower case in the other fold.
        (0, 3, 4, "LOC", false),
        (1, 0, 1, "PER", true),
        // GPE there, LOCATION here: both LOC.
        (1, 1, 2, "LOC", true),
        // Only a person in the other fold.
        (2, 0, 1, "ORG", false),
        (2, 1, 2, "LOC", true),
        (2, 2, 4, "ORG", true),
        (3, 0, 2, "ORG", true),
        (3, 2, 3, "LOC", false),
        // Only an organization in the other fold.
        (3, 3, 4, "PER", false),
    ];
    let data = TempFile::new("names.iob2", NAMES.as_bytes());
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
    let unseen = &report["unseen"];
    // The predicted labels of each sentence.
    let text = std::fs::read_to_string(predictions.path()).unwrap();
    let predicted: Vec<Vec<&str>> = text
        .split_terminator("\n\n")
        .map(|s| s.lines().map(|l| l.split('\t').nth(2).unwrap()).collect())
        .collect();
    assert_eq!(predicted.len(), 4, "{text}");
    // Whether the system predicted the span with its label (strict spans).
    let found = |sentence: usize, start: usize, end: usize, label: &str| -> bool {
        let p = &predicted[sentence];
        let (b, i) = (format!("B-{label}"), format!("I-{label}"));
        let begins = p[start] == b
            || (p[start] == i && (start == 0 || (p[start - 1] != b && p[start - 1] != i)));
        begins && p[start + 1..end].iter().all(|l| *l == i) && p.get(end) != Some(&i.as_str())
    };
    let mut total = [[0, 0], [0, 0]];
    for (label, expected_gold) in [("PER", [2, 1]), ("LOC", [2, 3]), ("ORG", [2, 1])] {
        for (k, part) in ["seen", "unseen"].into_iter().enumerate() {
            let spans = gold
                .iter()
                .filter(|g| g.3 == label && g.4 == (part == "seen"));
            assert_eq!(spans.clone().count(), expected_gold[k]);
            let hits = spans.filter(|g| found(g.0, g.1, g.2, g.3)).count();
            let score = &unseen[label][part];
            assert_eq!(score["gold"], expected_gold[k], "{label} {part}: {unseen}");
            assert_eq!(score["found"], hits, "{label} {part}: {unseen}");
            let recall = (10000.0 * hits as f64 / expected_gold[k] as f64).round() / 100.0;
            assert_eq!(score["recall"], recall, "{label} {part}: {unseen}");
            total[k][0] += expected_gold[k];
            total[k][1] += hits;
        }
    }
    // Every unseen name here has a listed word (Ақтөбе, Астана, Абай): the
    // listed part is the whole unseen part.
    for label in ["PER", "LOC", "ORG", "micro"] {
        let split = &unseen[label];
        assert_eq!(split["unseen_listed"], split["unseen"], "{label}: {unseen}");
        assert_eq!(split["unseen_unlisted"]["gold"], 0, "{label}: {unseen}");
    }
    for (k, part) in ["seen", "unseen"].into_iter().enumerate() {
        assert_eq!(unseen["micro"][part]["gold"], total[k][0], "{unseen}");
        assert_eq!(unseen["micro"][part]["found"], total[k][1], "{unseen}");
    }
    assert_eq!(unseen["micro"]["seen"]["gold"], 6);
    assert_eq!(unseen["micro"]["unseen"]["gold"], 5);
    // Every gold name is counted once, seen or not.
    assert_eq!(report["entities"]["micro"]["gold"], 11);
}

#[test]
fn a_training_share_keeps_the_held_out_folds_and_fewer_names_seen() {
    let data = TempFile::new("names.iob2", NAMES.as_bytes());
    let base = ["--folds", "2", "--epochs", "2", "--bits", "10"];
    let report = |extra: &[&str]| -> serde_json::Value {
        let out = train(&data, &[&base[..], extra].concat());
        assert_success(&out);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let whole = report(&[]);
    assert!(whole.get("train_share").is_none());
    // The whole share is the default, said in the report.
    let all = report(&["--train-share", "1"]);
    assert_eq!(all["train_share"], 1.0);
    assert_eq!(all["entities"], whole["entities"]);
    assert_eq!(all["unseen"], whole["unseen"]);
    // Half the groups by their hash: ids 1 and 2 are kept, 3 and 4 are
    // not, so each fold learns from one sentence. The held-out sentences
    // are the same; names seen only in the groups left out (`Ұлттық
    // банк`, `Абай`) are now unseen.
    let half = report(&["--train-share", "0.5"]);
    assert_eq!(half["train_share"], 0.5);
    let micro =
        |r: &serde_json::Value, part: &str| r["unseen"]["micro"][part]["gold"].as_u64().unwrap();
    assert_eq!(
        micro(&half, "seen") + micro(&half, "unseen"),
        micro(&whole, "seen") + micro(&whole, "unseen")
    );
    assert!(micro(&half, "seen") < micro(&whole, "seen"), "{half}");
    assert_eq!(
        half["entities"]["micro"]["gold"],
        whole["entities"]["micro"]["gold"]
    );
    // A share that leaves a fold nothing to learn from, and one out of
    // range, are errors.
    for (share, says) in [
        ("0.01", "without training sentences"),
        ("0", "not a share"),
        ("1.5", "not a share"),
    ] {
        let out = train(&data, &[&base[..], &["--train-share", share]].concat());
        assert!(!out.status.success(), "{share}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{share}: {err}");
    }
}
